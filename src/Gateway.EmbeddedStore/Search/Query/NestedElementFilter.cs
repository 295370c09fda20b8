using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// The inner query of a <c>nested</c> query, evaluated on one nested object at a time so that every clause matches the
/// same object (Elasticsearch's block-join semantics). The store keeps one document per photo rather than hidden nested
/// documents, so the inner query is a filter over the object's source values: <c>match_all</c>, <c>term</c>, <c>terms</c>,
/// numeric <c>range</c>, <c>exists</c> and <c>bool</c> of them; anything else is refused by name.
/// </summary>
internal abstract class NestedElementFilter
{
    public abstract bool Matches(JsonObject element);

    /// <summary>Parses the inner query; field names are full paths under <paramref name="path"/>.</summary>
    public static NestedElementFilter Parse(JsonNode? node, string path)
    {
        if (node is not JsonObject obj || obj.Count != 1)
        {
            throw StoreException.Parsing("[nested] query malformed, [query] must be an object with one query clause");
        }

        var (type, body) = obj.First();
        var spec = body as JsonObject ?? throw StoreException.Parsing("[" + type + "] query malformed, no start_object after query name");
        return type switch
        {
            "match_all" => new All(),
            "term" => Single(spec, type, path, (field, value) => new Term(field, [value is JsonObject o ? o["value"] : value])),
            "terms" => Single(spec, type, path, (field, value) => new Term(field, value is JsonArray values ? [.. values] : throw StoreException.Parsing("[terms] query does not support [" + field + "]"))),
            "range" => Single(spec, type, path, (field, value) => Range.Parse(field, value)),
            "exists" => new Exists(Relative(spec["field"]?.GetValue<string>() ?? throw StoreException.Parsing("[exists] must be provided with a [field]"), path)),
            "bool" => Bool.Parse(spec, path),
            _ => throw StoreException.Parsing("[nested] the embedded store does not support [" + type + "] inside a nested query; use term, terms, range, exists or bool"),
        };
    }

    private static NestedElementFilter Single(JsonObject spec, string type, string path, Func<string, JsonNode?, NestedElementFilter> create)
    {
        var fields = spec.Where(p => p.Key is not ("boost" or "_name")).ToList();
        if (fields.Count != 1)
        {
            throw StoreException.Parsing("[" + type + "] query doesn't support multiple fields");
        }

        return create(Relative(fields[0].Key, path), fields[0].Value);
    }

    private static string Relative(string field, string path) =>
        field.StartsWith(path + ".", StringComparison.Ordinal) ? field[(path.Length + 1)..] : field;

    /// <summary>The node at a dotted path below <paramref name="root"/>, or null.</summary>
    public static JsonNode? At(JsonObject root, string dottedPath)
    {
        JsonNode? node = root;
        foreach (var part in dottedPath.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static IEnumerable<JsonNode> Values(JsonObject element, string relative)
    {
        return At(element, relative) switch
        {
            null => [],
            JsonArray array => array.Where(v => v is not null).Select(v => v!),
            var node => [node],
        };
    }

    private static double? Number(JsonNode? node) => node is JsonValue v && v.GetValueKind() switch
    {
        JsonValueKind.Number => true,
        JsonValueKind.String => double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => false,
    }
        ? v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : double.Parse(v.GetValue<string>(), CultureInfo.InvariantCulture)
        : null;

    private static bool Same(JsonNode stored, JsonNode? wanted) =>
        Number(stored) is { } a && Number(wanted) is { } b ? a == b : stored.ToJsonString() == wanted?.ToJsonString();

    private sealed class All : NestedElementFilter
    {
        public override bool Matches(JsonObject element) => true;
    }

    private sealed class Term(string field, IReadOnlyList<JsonNode?> wanted) : NestedElementFilter
    {
        public override bool Matches(JsonObject element) => Values(element, field).Any(v => wanted.Any(w => Same(v, w)));
    }

    private sealed class Exists(string field) : NestedElementFilter
    {
        public override bool Matches(JsonObject element) => Values(element, field).Any();
    }

    private sealed class Range(string field, double? lower, bool includeLower, double? upper, bool includeUpper) : NestedElementFilter
    {
        public static Range Parse(string field, JsonNode? spec)
        {
            double? lower = null, upper = null;
            bool includeLower = true, includeUpper = true;
            foreach (var (key, value) in spec as JsonObject ?? throw StoreException.Parsing("[range] query malformed, no start_object after query name"))
            {
                var number = Number(value) ?? throw StoreException.Parsing("[range] inside a nested query takes numbers in the embedded store; [" + key + "] is not one");
                switch (key)
                {
                    case "gt" or "gte":
                        (lower, includeLower) = (number, key == "gte");
                        break;
                    case "lt" or "lte":
                        (upper, includeUpper) = (number, key == "lte");
                        break;
                    default:
                        throw StoreException.Parsing("[range] query does not support [" + key + "] inside a nested query");
                }
            }

            return new Range(field, lower, includeLower, upper, includeUpper);
        }

        public override bool Matches(JsonObject element) => Values(element, field).Select(Number).Any(v => v is { } x
            && (lower is not { } lo || (includeLower ? x >= lo : x > lo))
            && (upper is not { } hi || (includeUpper ? x <= hi : x < hi)));
    }

    private sealed class Bool(List<NestedElementFilter> required, List<NestedElementFilter> not, List<NestedElementFilter> should, int minimumShouldMatch) : NestedElementFilter
    {
        public static Bool Parse(JsonObject spec, string path)
        {
            List<NestedElementFilter> Clauses(string name) => spec[name] switch
            {
                null => [],
                JsonArray array => [.. array.Select(c => NestedElementFilter.Parse(c, path))],
                var single => [NestedElementFilter.Parse(single, path)],
            };

            foreach (var (key, _) in spec)
            {
                if (key is not ("must" or "filter" or "must_not" or "should" or "minimum_should_match" or "boost" or "_name"))
                {
                    throw StoreException.Parsing("[bool] query does not support [" + key + "]");
                }
            }

            var required = Clauses("must").Concat(Clauses("filter")).ToList();
            var should = Clauses("should");
            var minimum = spec["minimum_should_match"] is { } m ? (int)(Number(m) ?? throw StoreException.Parsing("[bool] inside a nested query takes an integer [minimum_should_match]"))
                : required.Count == 0 && should.Count > 0 ? 1 : 0;
            return new Bool(required, Clauses("must_not"), should, minimum);
        }

        public override bool Matches(JsonObject element) =>
            required.All(c => c.Matches(element)) && !not.Any(c => c.Matches(element)) && should.Count(c => c.Matches(element)) >= minimumShouldMatch;
    }
}
