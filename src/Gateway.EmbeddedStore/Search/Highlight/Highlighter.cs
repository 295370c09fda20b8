using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Highlight;

/// <summary>A hit's <c>highlight</c> object: per requested text or keyword field, its highlighted fragments.</summary>
internal static class Highlighter
{
    public static JsonObject? Render(SearchContext context, ParsedDocument doc, HighlightSpec spec, QueryNode? query)
    {
        var result = new JsonObject();
        HighlightTerms? queryTerms = null;
        foreach (var (pattern, options) in spec.Fields)
        {
            var terms = options.HighlightQuery is { } highlightQuery ? Collect(context, highlightQuery) : queryTerms ??= Collect(context, query);
            var fields = context.Mapping.Fields
                .Where(f => f.Kind is FieldKind.Text or FieldKind.Keyword && Wildcard.Matches(pattern, f.Path))
                .OrderBy(f => f.Path, StringComparer.Ordinal);
            foreach (var field in fields)
            {
                if (result.ContainsKey(field.Path))
                {
                    continue;
                }

                // A stored field (store: true) is read as indexed; anything else from the source the _source mapping keeps.
                var stored = field.Definition["store"]?.ToString() is "true" or "True";
                var source = stored ? doc.Source : context.Mapping.Source.Stored(doc.Source);
                var values = (source is null ? [] : StoredFields.Values(source, field.ParentPath ?? field.Path))
                    .Select(v => v is JsonValue value ? value.ToString() : null)
                    .OfType<string>()
                    .ToList();
                var fragments = Fragmenter.Highlight(field, values, terms, options);
                if (fragments.Count > 0)
                {
                    result[field.Path] = new JsonArray([.. fragments.Select(f => (JsonNode)f)]);
                }
            }
        }

        return result.Count > 0 ? result : null;
    }

    private static HighlightTerms Collect(SearchContext context, QueryNode? query)
    {
        var terms = new HighlightTerms();
        query?.CollectTerms(context, terms);
        return terms;
    }
}
