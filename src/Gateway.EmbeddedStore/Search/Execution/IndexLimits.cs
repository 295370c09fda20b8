using System.Globalization;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Index-level search limits read from an index's flat settings, with Elasticsearch's defaults.</summary>
internal static class IndexLimits
{
    public const int DefaultMaxTermsCount = 65_536;

    public const int DefaultMaxRegexLength = 1_000;

    public const int DefaultMaxScriptFields = 32;

    public const int DefaultMaxInnerResultWindow = 100;

    public const int DefaultMaxDocvalueFieldsSearch = 100;

    /// <summary><c>index.max_rescore_window</c>, which defaults to <c>index.max_result_window</c> (10 000).</summary>
    public static int MaxRescoreWindow(IReadOnlyDictionary<string, string>? settings) =>
        Int(settings, "index.max_rescore_window") ?? Int(settings, "index.max_result_window") ?? SearchRequestParser.MaxResultWindow;

    public static int MaxInnerResultWindow(IReadOnlyDictionary<string, string>? settings) =>
        Int(settings, "index.max_inner_result_window") ?? DefaultMaxInnerResultWindow;

    public static int TopMetricsMaxSize(IReadOnlyDictionary<string, string>? settings) =>
        Int(settings, "index.top_metrics_max_size") ?? 10;

    public static int MaxDocvalueFieldsSearch(IReadOnlyDictionary<string, string>? settings) =>
        Int(settings, "index.max_docvalue_fields_search") ?? DefaultMaxDocvalueFieldsSearch;

    public static int MaxRegexLength(IReadOnlyDictionary<string, string>? settings) =>
        settings?.GetValueOrDefault("index.max_regex_length") is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : DefaultMaxRegexLength;

    public static int MaxTermsCount(IReadOnlyDictionary<string, string>? settings) =>
        settings?.GetValueOrDefault("index.max_terms_count") is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : DefaultMaxTermsCount;

    public static int MaxScriptFields(IReadOnlyDictionary<string, string>? settings) =>
        Int(settings, "index.max_script_fields") ?? DefaultMaxScriptFields;

    private static int? Int(IReadOnlyDictionary<string, string>? settings, string key) =>
        settings?.GetValueOrDefault(key) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
