using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Gateway.Tests.Clients;

/// <summary>
/// Runs the official Python client as Debian packages it (<c>python3-elasticsearch</c>, which <c>.ci/run</c> installs)
/// on the scripts in <c>tests/clients</c>. Debian's own interpreter (<c>/usr/bin/python3</c>) is preferred: the package
/// lives in its dist-packages, which another interpreter on the PATH (pyenv, a venv) does not see. Tests skip with
/// <see cref="MissingReason"/> when no interpreter imports the package.
/// </summary>
internal static class PythonClient
{
    private static readonly string[] Interpreters = ["/usr/bin/python3", "python3"];

    private static readonly (string? Interpreter, string? Missing) Found = Find();

    public static string? MissingReason => Found.Missing;

    /// <summary>Runs <paramref name="script"/> (in <c>tests/clients</c>) and parses the JSON line it prints last.</summary>
    public static async Task<JsonNode> RunScriptAsync(string script, IDictionary<string, string> environment)
    {
        var (exit, stdout, stderr) = await RunAsync([Path.Combine(NodeClients.Folder, script)], environment);
        Assert.True(exit == 0, $"python3 {script} exited {exit}: {stderr}\n{stdout}");
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        return JsonNode.Parse(last)!;
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments, IDictionary<string, string> environment) =>
        RunAsync(Found.Interpreter!, arguments, environment);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string interpreter, IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
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

    private static (string? Interpreter, string? Missing) Find()
    {
        foreach (var interpreter in Interpreters)
        {
            try
            {
                var (exit, _, _) = RunAsync(interpreter, ["-c", "import elasticsearch"], new Dictionary<string, string>()).GetAwaiter().GetResult();
                if (exit == 0)
                {
                    return (interpreter, null);
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed: try the next
            }
        }

        return (null, "the Python client is not installed: apt-get install python3-elasticsearch (.ci/run does)");
    }
}
