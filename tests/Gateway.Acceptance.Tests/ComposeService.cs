using System.Text.RegularExpressions;

namespace Gateway.Acceptance.Tests;

/// <summary>
/// The <c>environment:</c> list of one service of docker-compose.yml, with compose's variable substitution applied
/// (<c>${NAME:-default}</c>, <c>${NAME-default}</c>, <c>${NAME:?error}</c>, <c>${NAME}</c>, <c>$$</c>). Hand-written
/// because no YAML or compose library is referenced by the tests, and the file's environment lists are plain
/// <c>- KEY=VALUE</c> lines (the test fails loudly if that ever changes).
/// </summary>
internal static partial class ComposeService
{
    public static IReadOnlyDictionary<string, string> Environment(string composeFile, string service, IReadOnlyDictionary<string, string> variables)
    {
        var lines = File.ReadAllLines(composeFile);
        var start = Array.FindIndex(lines, l => l == $"  {service}:");
        if (start < 0)
        {
            throw new InvalidOperationException($"{composeFile} has no service [{service}]");
        }

        var environment = Array.FindIndex(lines, start + 1, l => l == "    environment:" || (l.Length > 2 && l[2] != ' ' && l[2] != '#'));
        if (environment < 0 || lines[environment] != "    environment:")
        {
            throw new InvalidOperationException($"service [{service}] of {composeFile} has no environment list");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(environment + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)))
        {
            var item = line.Trim();
            if (item.StartsWith('#'))
            {
                continue;
            }

            if (!item.StartsWith("- ", StringComparison.Ordinal) || !item.Contains('=', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"not a '- KEY=VALUE' item: {line}");
            }

            var (key, value) = (item[2..item.IndexOf('=', StringComparison.Ordinal)], item[(item.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            result[key] = Substitute(value, variables);
        }

        return result;
    }

    private static string Substitute(string value, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(value, m =>
        {
            if (m.Value == "$$")
            {
                return "$";
            }

            var name = m.Groups["name"].Value;
            var set = variables.TryGetValue(name, out var given);
            return m.Groups["op"].Value switch
            {
                ":-" => set && given!.Length > 0 ? given : m.Groups["arg"].Value,
                "-" => set ? given! : m.Groups["arg"].Value,
                ":?" or "?" => set ? given! : throw new InvalidOperationException($"compose would refuse to start: {name}: {m.Groups["arg"].Value}"),
                _ => given ?? "",
            };
        });

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|-|:\?|\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Variable();
}
