using System.Text.RegularExpressions;

namespace Gateway.Conformance.Tests.Api;

/// <summary>One URL template of an API (<c>/{index}/_doc/{id}</c>) with the HTTP methods it accepts.</summary>
internal sealed partial record ApiPath(string Template, IReadOnlyList<string> Methods)
{
    /// <summary>The names of the <c>{part}</c> placeholders in the template.</summary>
    public IReadOnlyList<string> Parts { get; } = PartPattern().Matches(Template).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PartPattern();
}
