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
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments, IDictionary<string, string> environment) =>
        ClientProcess.RunAsync("node", arguments, environment);

    /// <summary>Runs one of the scripts in <c>tests/clients</c> and parses the JSON line it prints last.</summary>
    public static Task<JsonNode> RunScriptAsync(string script, IDictionary<string, string> environment) =>
        ClientProcess.RunScriptAsync("node", script, environment);

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
