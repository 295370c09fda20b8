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
    public static Task<JsonNode> RunScriptAsync(string script, IDictionary<string, string> environment) =>
        ClientProcess.RunScriptAsync(Found.Interpreter!, script, environment);

    private static (string? Interpreter, string? Missing) Find()
    {
        foreach (var interpreter in Interpreters)
        {
            try
            {
                var (exit, _, _) = ClientProcess.RunAsync(interpreter, ["-c", "import elasticsearch"], new Dictionary<string, string>()).GetAwaiter().GetResult();
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
