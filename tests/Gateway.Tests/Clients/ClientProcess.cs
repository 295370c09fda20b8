using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Gateway.Tests.Clients;

/// <summary>Runs a published client (node, python) as a child process in <c>tests/clients</c>, five minutes at most.</summary>
internal static class ClientProcess
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>; returns the exit code and outputs.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = NodeClients.Folder,
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

    /// <summary>Runs a script that prints what it saw as one JSON line last; fails the test when it exits non-zero.</summary>
    public static async Task<JsonNode> RunScriptAsync(string program, string script, IDictionary<string, string> environment)
    {
        var (exit, stdout, stderr) = await RunAsync(program, [script], environment);
        Assert.True(exit == 0, $"{program} {script} exited {exit}: {stderr}\n{stdout}");
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        return JsonNode.Parse(last)!;
    }
}
