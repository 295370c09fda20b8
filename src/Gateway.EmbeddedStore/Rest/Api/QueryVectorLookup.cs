using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// The <c>lookup</c> query_vector_builder (<c>{"lookup": {"index", "id", "path", "routing"}}</c>): before the search
/// runs, each kNN (top-level section or <c>knn</c> query) that names one gets the vector stored at <c>path</c> in that
/// document (realtime, as a get reads it) as its <c>query_vector</c>, in whatever form it was indexed (array, hex or
/// base64), so it is decoded for the searched field like any query vector. A missing index, document or value is a
/// 404; a path that is not a dense_vector field is a 400. Other builders are left for the kNN parser to refuse.
/// </summary>
internal static class QueryVectorLookup
{
    /// <summary>The body with every lookup replaced by its vector (the body itself when it has none), or the error.</summary>
    public static StoreResult<JsonObject?> Resolve(EmbeddedStore store, JsonObject? body)
    {
        if (body is null || !body.ToJsonString().Contains("\"lookup\"", StringComparison.Ordinal))
        {
            return body;
        }

        var copy = (JsonObject)body.DeepClone();
        var sections = copy["knn"] switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject one => [one],
            _ => [],
        };
        foreach (var section in sections)
        {
            if (Apply(store, section) is { } failed)
            {
                return failed;
            }
        }

        return Walk(store, copy["query"]) is { } error ? error : copy;
    }

    private static StoreError? Walk(EmbeddedStore store, JsonNode? node)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(p => (p.Key, p.Value)).ToList(),
            JsonArray array => array.Select(v => (Key: "", Value: v)).ToList(),
            _ => [],
        };
        foreach (var (key, value) in children)
        {
            var failed = key == "knn" && value is JsonObject knn ? Apply(store, knn) : Walk(store, value);
            if (failed is not null)
            {
                return failed;
            }
        }

        return null;
    }

    private static StoreError? Apply(EmbeddedStore store, JsonObject knn)
    {
        if (knn["query_vector_builder"] is not JsonObject { Count: 1 } builder || builder["lookup"] is not JsonObject lookup)
        {
            return null;
        }

        var id = lookup["id"]?.GetValue<string>() ?? throw StoreException.IllegalArgument("[lookup] requires [id]");
        var indexName = lookup["index"]?.GetValue<string>() ?? throw StoreException.IllegalArgument("[lookup] requires [index]");
        var path = lookup["path"]?.GetValue<string>() ?? throw StoreException.IllegalArgument("[lookup] requires [path]");
        foreach (var key in lookup.Select(p => p.Key))
        {
            if (key is not ("id" or "index" or "path" or "routing"))
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[lookup] unknown field [" + key + "]");
            }
        }

        if (!WriteTargets.ForRead(store, indexName).TryGetValue(out var index, out var missing))
        {
            return missing;
        }

        if (index.Documents.GetValueOrDefault(id) is not { Deleted: false, Source: { } source })
        {
            return new StoreError(404, "resource_not_found_exception", "Document with id [" + id + "] not found in index [" + index.Name + "]");
        }

        if (Search.Knn.VectorRendering.SourceValue(JsonNode.Parse(source)!.AsObject(), path) is not { } value)
        {
            return new StoreError(404, "resource_not_found_exception", "Document with id [" + id + "] in index [" + index.Name + "] has no value for field [" + path + "]");
        }

        if (index.Mapping.Compiled.Find(path) is not { Kind: FieldKind.DenseVector })
        {
            return StoreError.IllegalArgument("[lookup] field [" + path + "] of index [" + index.Name + "] is not a [dense_vector] field");
        }

        knn.Remove("query_vector_builder");
        knn["query_vector"] = value.DeepClone();
        return null;
    }
}
