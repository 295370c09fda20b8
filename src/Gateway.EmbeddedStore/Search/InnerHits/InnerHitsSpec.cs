using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.InnerHits;

/// <summary>
/// One <c>inner_hits</c> definition (Elasticsearch's <c>InnerHitBuilder</c>): its name and the fetch options of its hits,
/// held as a <see cref="SearchRequest"/> so that the inner hits page, sort and render as a search's hits do
/// (<c>from</c>, <c>size</c> (default 3), <c>sort</c>, <c>_source</c>, <c>fields</c>, <c>docvalue_fields</c>,
/// <c>stored_fields</c>, <c>highlight</c>, <c>version</c>, <c>seq_no_primary_term</c>, <c>track_scores</c>).
/// </summary>
internal sealed class InnerHitsSpec
{
    /// <summary>Elasticsearch's default of <c>index.max_inner_result_window</c>.</summary>
    public const int MaxInnerResultWindow = 100;

    private InnerHitsSpec(string name, SearchRequest request)
    {
        Name = name;
        Request = request;
    }

    public string Name { get; }

    public SearchRequest Request { get; }

    public static InnerHitsSpec Parse(JsonNode? node, string? defaultName)
    {
        var obj = node as JsonObject ?? throw StoreException.Parsing("[inner_hits] failed to parse, expected an object but found [" + JsonValues.TokenName(node) + "]");
        var body = new JsonObject();
        string? name = null;
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "name":
                    name = JsonValues.AsString(value);
                    break;
                case "ignore_unmapped":
                    // Checked, and decided by the enclosing query: an unmapped path with ignore_unmapped matches nothing, so no inner hits.
                    JsonValues.ToBool(value, key);
                    break;
                case "from" or "size" or "sort" or "_source" or "fields" or "docvalue_fields" or "stored_fields" or "highlight" or "version"
                    or "seq_no_primary_term" or "track_scores" or "explain":
                    body[key] = value?.DeepClone();
                    break;
                case "collapse":
                    body.Remove("collapse");
                    break;
                case "script_fields":
                    throw SearchParameters.Unsupported("[inner_hits] [" + key + "]");
                default:
                    throw new StoreException(400, "x_content_parse_exception", "[inner_hits] unknown field [" + key + "]");
            }
        }

        body["size"] ??= 3;
        var request = SearchRequestParser.Parse(body, new Dictionary<string, string>());
        request.IsInnerHits = true;
        if (obj.ContainsKey("collapse"))
        {
            request.Collapse = Collapse.CollapseSpec.Parse(obj["collapse"], inInnerHits: true);
        }

        name ??= defaultName ?? throw StoreException.IllegalArgument("inner_hits must have a [name]; set the [name] field in the inner_hits definition");
        return new InnerHitsSpec(name, request);
    }

    /// <summary>Refuses a page past <c>index.max_inner_result_window</c>, as Elasticsearch does when the search runs.</summary>
    public void CheckWindow()
    {
        var window = Request.From + Request.Size;
        if (window > MaxInnerResultWindow)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Inner result window is too large, the inner hit definition's [" + Name + "]'s from + size must be less than or equal to: [" + MaxInnerResultWindow +
                "] but was [" + window + "]. This limit can be set by changing the [index.max_inner_result_window] index level setting."));
        }
    }
}
