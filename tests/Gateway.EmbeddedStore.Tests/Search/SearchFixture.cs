using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Geo;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>
/// Builds a search shard directly from field definitions and JSON sources (without the document
/// store), so that search behaviour is tested on its own.
/// </summary>
internal sealed class SearchFixture
{
    private readonly List<FieldMapping> _fields = [];
    private long _seqNo;

    public SearchFixture(string index = "test", TimeProvider? time = null)
    {
        Index = index;
        Service = new SearchService(time ?? TimeProvider.System);
    }

    public string Index { get; }

    public SearchService Service { get; }

    public SearchShard? Shard { get; private set; }

    public IndexMapping Mapping => new(_fields);

    public SearchFixture Field(string path, FieldKind kind, int? dims = null, VectorSimilarity? similarity = null, string? format = null, string? parent = null)
    {
        var definition = new JsonObject { ["type"] = kind.ToString().ToLowerInvariant() };
        _fields.Add(new FieldMapping { Path = path, Kind = kind, Definition = definition, Dims = dims, Similarity = similarity, Format = format, ParentPath = parent });
        Shard?.MappingChanged(Mapping);
        return this;
    }

    public SearchFixture Add(string id, string json, bool refresh = true)
    {
        Shard ??= (SearchShard)Service.CreateShard(Index, Mapping);
        var source = JsonNode.Parse(json)!.AsObject();
        var values = new Dictionary<string, FieldValues>(StringComparer.Ordinal);
        foreach (var field in _fields)
        {
            var node = Lookup(source, field.ParentPath ?? field.Path);
            if (node is not null && Convert(field, node) is { } parsed)
            {
                values[field.Path] = parsed;
            }
        }

        Shard.Upsert(new ParsedDocument { Id = id, Source = source, Version = 1, SeqNo = _seqNo++, PrimaryTerm = 1, Fields = values });
        if (refresh)
        {
            Shard.Refresh();
        }

        return this;
    }

    // Responses are round-tripped through JSON text, as a client would see them.
    public JsonObject Search(string body, params (string Key, string Value)[] parameters) =>
        Wire(Service.Search([Target()], JsonNode.Parse(body)!.AsObject(), parameters.ToDictionary(p => p.Key, p => p.Value), CancellationToken.None));

    public JsonObject Count(string body) =>
        Wire(Service.Count([Target()], JsonNode.Parse(body)!.AsObject(), new Dictionary<string, string>(), CancellationToken.None));

    private static JsonObject Wire(JsonObject response) => JsonNode.Parse(response.ToJsonString())!.AsObject();

    public SearchTarget Target()
    {
        Shard ??= (SearchShard)Service.CreateShard(Index, Mapping);
        return new SearchTarget(Index, Mapping, Shard);
    }

    public static List<string> Ids(JsonObject response) =>
        response["hits"]!["hits"]!.AsArray().Select(h => h!["_id"]!.GetValue<string>()).ToList();

    private static JsonNode? Lookup(JsonObject source, string path)
    {
        if (source.TryGetPropertyValue(path, out var direct))
        {
            return direct;
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && source[path[..dot]] is JsonObject child ? Lookup(child, path[(dot + 1)..]) : null;
    }

    private static FieldValues? Convert(FieldMapping field, JsonNode node)
    {
        var items = node is JsonArray array && field.Kind is not (FieldKind.DenseVector or FieldKind.GeoPoint) ? array.ToList() : [node];
        if (field.Kind == FieldKind.GeoPoint && node is JsonArray arr && arr.Count > 0 && arr[0] is not JsonValue)
        {
            items = arr.ToList();
        }

        switch (field.Kind)
        {
            case FieldKind.Keyword:
                return new FieldValues { Mapping = field, Keywords = items.Select(i => JsonValues.AsString(i)!).ToList() };
            case FieldKind.Text:
                return new FieldValues { Mapping = field, Texts = items.Select(i => JsonValues.AsString(i)!).ToList() };
            case FieldKind.Date:
                return new FieldValues { Mapping = field, Longs = items.Select(i => JsonValues.IsNumber(i) ? i!.GetValue<long>() : DateFormats.Parse(i!.GetValue<string>(), field.Format, null, field.Path)).ToList() };
            case FieldKind.Boolean:
                return new FieldValues { Mapping = field, Longs = items.Select(i => i!.GetValueKind() == JsonValueKind.True ? 1L : 0L).ToList() };
            case FieldKind.Long or FieldKind.Integer or FieldKind.Short or FieldKind.Byte:
                return new FieldValues { Mapping = field, Longs = items.Select(i => (long)i!.GetValue<double>()).ToList() };
            case FieldKind.Double or FieldKind.Float or FieldKind.HalfFloat:
                return new FieldValues { Mapping = field, Doubles = items.Select(i => i!.GetValue<double>()).ToList() };
            case FieldKind.GeoPoint:
                return new FieldValues { Mapping = field, Points = items.Select(i => GeoPointReader.Parse(i, field.Path)).ToList() };
            case FieldKind.DenseVector:
                return new FieldValues { Mapping = field, Vector = node.AsArray().Select(v => v!.GetValue<float>()).ToArray() };
            default:
                return null;
        }
    }
}
