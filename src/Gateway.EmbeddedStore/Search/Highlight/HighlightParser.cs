using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Highlight;

/// <summary>
/// Parses <c>highlight</c>. The plain and unified highlighters are served by one plain highlighter; options that
/// only tune other highlighters' fragmenting (<c>boundary_*</c>, <c>matched_fields</c>, <c>phrase_limit</c> …) and the
/// <c>fvh</c> type are refused by name rather than ignored.
/// </summary>
internal static class HighlightParser
{
    private const int MaxFragments = 10_000;

    // Elasticsearch's tags_schema "styled".
    private static readonly string[] StyledTags = [.. Enumerable.Range(1, 10).Select(i => "<em class=\"hlt" + i + "\">")];

    public static HighlightSpec Parse(JsonNode? value)
    {
        var obj = value as JsonObject ?? throw Unknown("highlight", JsonValues.TokenName(value));
        var defaults = Options(obj, new HighlightOptions(), isField: false);
        var fields = new List<(string, HighlightOptions)>();
        switch (obj["fields"])
        {
            case JsonObject map:
                fields.AddRange(map.Select(p => (p.Key, Options(p.Value as JsonObject ?? [], defaults, isField: true))));
                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    var (name, options) = (item as JsonObject ?? throw StoreException.Parsing("[highlight] fields array elements must be objects")).Single();
                    fields.Add((name, Options(options as JsonObject ?? [], defaults, isField: true)));
                }

                break;
            case null:
                throw StoreException.IllegalArgument("[highlight] requires [fields]");
            default:
                throw StoreException.Parsing("[highlight] [fields] must be an object or an array");
        }

        foreach (var (name, options) in fields)
        {
            if (options.NumberOfFragments > MaxFragments)
            {
                throw StoreException.IllegalArgument("The number of fragments requested for highlighting field [" + name + "] is [" + options.NumberOfFragments +
                    "] but the maximum allowed is [" + MaxFragments + "]. This maximum can be set by changing the [index.highlight.max_number_of_fragments] index level setting.");
            }
        }

        return new HighlightSpec(fields);
    }

    private static HighlightOptions Options(JsonObject obj, HighlightOptions inherited, bool isField)
    {
        var options = inherited;
        foreach (var (key, value) in obj)
        {
            options = key switch
            {
                "fields" when !isField => options,
                "pre_tags" => options with { PreTags = Tags(value) },
                "post_tags" => options with { PostTags = Tags(value) },
                "tags_schema" => JsonValues.AsString(value) switch
                {
                    "styled" => options with { PreTags = StyledTags, PostTags = ["</em>"] },
                    "default" => options with { PreTags = ["<em>"], PostTags = ["</em>"] },
                    var other => throw StoreException.IllegalArgument("Unknown tag schema [" + other + "]"),
                },
                "fragment_size" => options with { FragmentSize = JsonValues.ToInt(value, key) },
                "number_of_fragments" => options with { NumberOfFragments = JsonValues.ToInt(value, key) },
                "require_field_match" => options with { RequireFieldMatch = JsonValues.ToBool(value, key) },
                "no_match_size" => options with { NoMatchSize = JsonValues.ToInt(value, key) },
                "order" => options with { ScoreOrder = JsonValues.AsString(value) == "score" },
                "encoder" => options with { HtmlEncode = JsonValues.AsString(value) == "html" },
                "highlight_query" => options with { HighlightQuery = QueryParser.Parse(value) },
                "type" => JsonValues.AsString(value) is "plain" or "unified"
                    ? options
                    : throw SearchParameters.Unsupported("[highlight] type [" + JsonValues.AsString(value) + "]"),

                // Without effect here: _source is always where highlighted text comes from; "span" and "simple"
                // fragmenters cut the same fragments without phrase queries.
                "force_source" or "fragmenter" => options,
                "boundary_scanner" or "boundary_chars" or "boundary_max_scan" or "boundary_scanner_locale" or "matched_fields" or "phrase_limit"
                    or "fragment_offset" or "max_analyzed_offset" or "highlight_filter" or "options" => throw SearchParameters.Unsupported("[highlight] option [" + key + "]"),
                _ => throw Unknown(isField ? "highlight_field" : "highlight", key),
            };
        }

        if (obj.ContainsKey("pre_tags") != obj.ContainsKey("post_tags") && !isField)
        {
            throw StoreException.IllegalArgument(obj.ContainsKey("pre_tags") ? "pre_tags are set but post_tags are not set" : "post_tags are set but pre_tags are not set");
        }

        if (options.PreTags.Count == 0 || options.PostTags.Count == 0)
        {
            throw StoreException.IllegalArgument("pre_tags or post_tags must not be empty");
        }

        return options;
    }

    private static string[] Tags(JsonNode? value) => value switch
    {
        JsonArray array => [.. array.Select(t => JsonValues.AsString(t) ?? string.Empty)],
        _ => [JsonValues.AsString(value) ?? string.Empty],
    };

    private static StoreException Unknown(string parser, string key) =>
        StoreException.BadRequest("x_content_parse_exception", "[" + parser + "] unknown field [" + key + "]");
}
