using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Analysis;

/// <summary>The analyzer a text field uses (its mapping's <c>analyzer</c>, or <c>standard</c>).</summary>
internal static class AnalyzerNames
{
    public static string For(FieldMapping mapping) =>
        mapping.Definition["analyzer"]?.GetValue<string>() ?? "standard";

    public static string ForSearch(FieldMapping mapping) =>
        mapping.Definition["search_analyzer"]?.GetValue<string>() ?? For(mapping);
}
