using System.Globalization;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Index-level search limits read from an index's flat settings, with Elasticsearch's defaults.</summary>
internal static class IndexLimits
{
    public const int DefaultMaxTermsCount = 65_536;

    public const int DefaultMaxRegexLength = 1_000;

    public const int DefaultMaxScriptFields = 32;

    public static int MaxRegexLength(IReadOnlyDictionary<string, string>? settings) =>
        settings?.GetValueOrDefault("index.max_regex_length") is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : DefaultMaxRegexLength;

    public static int MaxTermsCount(IReadOnlyDictionary<string, string>? settings) =>
        settings?.GetValueOrDefault("index.max_terms_count") is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : DefaultMaxTermsCount;

    public static int MaxScriptFields(IReadOnlyDictionary<string, string>? settings) =>
        settings?.GetValueOrDefault("index.max_script_fields") is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : DefaultMaxScriptFields;
}
