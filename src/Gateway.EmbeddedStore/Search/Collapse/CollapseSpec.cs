using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.InnerHits;

namespace Gateway.EmbeddedStore.Search.Collapse;

/// <summary>
/// Field collapsing (<c>collapse</c>), as Elasticsearch does it: hits are ordered as requested, only the first hit of
/// each value of <see cref="Field"/> (a keyword, numeric or date field with one value per document; documents without
/// it form one group) is kept, then <c>from</c>/<c>size</c> page the groups; the total still counts every match. Each
/// kept hit carries the value in <c>fields</c>, and every <c>inner_hits</c> definition (one or an array, each with a
/// <c>name</c>; an inner hit may collapse once more, without inner hits) returns the group's matches.
/// <c>max_concurrent_group_searches</c> only bounds Elasticsearch's concurrency and changes no answer.
/// </summary>
internal sealed class CollapseSpec : IInnerHitsSource
{
    private List<ShardOutcome> _outcomes = [];

    private CollapseSpec(string field, List<InnerHitsSpec> innerHits)
    {
        Field = field;
        Specs = innerHits;
    }

    public string Field { get; }

    public IReadOnlyList<InnerHitsSpec> Specs { get; }

    /// <summary>Parses <c>collapse</c>; <paramref name="inInnerHits"/> when it is an inner hit's own (no inner hits or collapse inside).</summary>
    public static CollapseSpec Parse(JsonNode? node, bool inInnerHits = false)
    {
        var obj = node as JsonObject ?? throw new StoreException(400, "x_content_parse_exception", "[collapse] failed to parse, expected an object but found [" + JsonValues.TokenName(node) + "]");
        string? field = null;
        var innerHits = new List<InnerHitsSpec>();
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "field":
                    field = JsonValues.AsString(value);
                    if (string.IsNullOrEmpty(field))
                    {
                        throw StoreException.IllegalArgument("field name is null or empty");
                    }

                    break;
                case "max_concurrent_group_searches":
                    if (JsonValues.ToInt(value, key) < 1)
                    {
                        throw StoreException.IllegalArgument("maxConcurrentGroupRequests` must be positive");
                    }

                    break;
                case "inner_hits" or "collapse" when inInnerHits:
                    throw new StoreException(400, "x_content_parse_exception", "[collapse] of an inner hit cannot hold [" + key + "]");
                case "inner_hits":
                    foreach (var item in value is JsonArray array ? [.. array] : new List<JsonNode?> { value })
                    {
                        if (item is not JsonObject)
                        {
                            throw StoreException.Parsing("Invalid token in inner_hits array");
                        }

                        var spec = InnerHitsSpec.Parse(item, defaultName: null);
                        innerHits.Add(spec);
                    }

                    break;
                default:
                    throw new StoreException(400, "x_content_parse_exception", "[collapse] unknown field [" + key + "]");
            }
        }

        return new CollapseSpec(field ?? throw StoreException.IllegalArgument("no collapse field specified"), innerHits);
    }

    /// <summary>Checks the field in every searched index and, with inner hits, registers them for the fetch phase.</summary>
    public void Prepare(List<ShardOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            var field = outcome.Context.Field(Field)
                ?? throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("no mapping found for `" + Field + "` in order to collapse on"));
            if (field.Kind is FieldKind.Object or FieldKind.Text or FieldKind.GeoPoint or FieldKind.DenseVector or FieldKind.Boolean
                || (field.Kind == FieldKind.Keyword && field.Encoding != KeywordEncoding.Plain))
            {
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                    "collapse is not supported for the field [" + Field + "] of the type [" + FieldMappings.TypeName(field) + "]"));
            }

            if (IsFalse(field.Definition["doc_values"]))
            {
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("cannot collapse on field `" + Field + "` without `doc_values`"));
            }

            if (Specs.Count > 0 && IsFalse(field.Definition["index"]))
            {
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                    "cannot expand `inner_hits` for collapse field `" + Field + "`, only indexed field can retrieve `inner_hits`"));
            }

            if (Specs.Count > 0 && !outcome.Context.InnerHits.Contains(this))
            {
                outcome.Context.InnerHits.Add(this);
            }
        }

        _outcomes = outcomes;
        foreach (var spec in Specs)
        {
            spec.CheckWindow();
        }
    }

    /// <summary>The first hit of every group, in the order of <paramref name="ordered"/>.</summary>
    public IEnumerable<Hit> TopOfGroups(IEnumerable<Hit> ordered)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in ordered)
        {
            if (seen.Add(Key(Value(hit.Outcome.Context, hit.Ord))))
            {
                yield return hit;
            }
        }
    }

    /// <summary>The document's value of the collapse field (null without one), as <c>fields</c> renders it.</summary>
    public JsonNode? Value(SearchContext context, int ord)
    {
        if (!context.Snapshot.Doc(ord).Fields.TryGetValue(context.Snapshot.Resolve(Field), out var values))
        {
            return null;
        }

        var count = (values.Keywords?.Count ?? 0) + (values.Longs?.Count ?? 0) + (values.Doubles?.Count ?? 0);
        if (count > 1)
        {
            throw SearchErrors.AllShardsFailed(new StoreException(500, "illegal_state_exception",
                "failed to collapse " + ord + ", the collapse field must be single valued"));
        }

        return values.Keywords is [var keyword] ? JsonValue.Create(keyword)
            : values.Longs is [var number] ? JsonValue.Create(number)
            : values.Doubles is [var real] ? JsonValue.Create(real)
            : null;
    }

    public InnerHitsCandidates Candidates(SearchContext context, int ord, InnerHitsSpec spec)
    {
        var key = Key(Value(context, ord));
        var parts = new List<ShardOutcome>(_outcomes.Count);
        foreach (var outcome in _outcomes)
        {
            var group = new DocBits(outcome.HitDocs.Length);
            foreach (var member in outcome.HitDocs.Ordinals())
            {
                if (Key(Value(outcome.Context, member)) == key)
                {
                    group.Set(member);
                }
            }

            parts.Add(new ShardOutcome(outcome.ShardIndex, outcome.Context, group, group, outcome.Score));
        }

        return new InnerHitsCandidates(parts);
    }

    private static bool IsFalse(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<bool>(out var b) ? !b : v.TryGetValue<string>(out var text) && text == "false");

    private static string Key(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when JsonValues.IsString(v) => "s" + v.GetValue<string>(),
        _ => "n" + JsonValues.ToDouble(value, "collapse").ToString("R", CultureInfo.InvariantCulture),
    };
}
