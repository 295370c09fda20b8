using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Gateway.Tests.Clients;

/// <summary>
/// Runs the published npm clients that <c>.ci/run</c> installs into <c>tests/clients/node_modules</c> (pinned in
/// <c>tests/clients/package.json</c> and its lock file). Tests skip with <see cref="MissingReason"/> when node or the
/// packages are absent.
/// </summary>
internal static class NodeClients
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "clients");

    public static string? MissingReason { get; } = FindMissing();

    /// <summary>Runs <c>node</c> with <paramref name="arguments"/> in <see cref="Folder"/>; returns the exit code and outputs.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs one of the scripts in <c>tests/clients</c> and parses the JSON line it prints last.</summary>
    public static async Task<JsonNode> RunScriptAsync(string script, IDictionary<string, string> environment)
    {
        var (exit, stdout, stderr) = await RunAsync([script], environment);
        Assert.True(exit == 0, $"node {script} exited {exit}: {stderr}\n{stdout}");
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        return JsonNode.Parse(last)!;
    }

    /// <summary>The elasticdump CLI as published (<c>node_modules/elasticdump/bin/elasticdump</c>).</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> ElasticdumpAsync(params string[] arguments) =>
        RunAsync([Path.Combine("node_modules", "elasticdump", "bin", "elasticdump"), .. arguments], new Dictionary<string, string>());

    private static string? FindMissing()
    {
        string[] packages = ["elasticdump", "@elastic/elasticsearch", "@opensearch-project/opensearch"];
        var missing = packages.Where(p => !File.Exists(Path.Combine(Folder, "node_modules", p, "package.json"))).ToList();
        if (missing.Count > 0)
        {
            return "npm packages not installed (" + string.Join(", ", missing) + "): run `npm ci --prefix tests/clients` (.ci/run does)";
        }

        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            node.WaitForExit();
            return node.ExitCode == 0 ? null : "node --version failed";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node is not installed (.ci/run installs it)";
        }
    }
}
