using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary><c>_mget</c>: the <c>docs</c> and <c>ids</c> forms, per-document errors.</summary>
internal sealed class MgetEndpoint(EmbeddedStore store)
{
    public void Register(RestRouter router)
    {
        router.Add(["GET", "POST"], "/_mget", (r, _) => ValueTask.FromResult(Mget(r)));
        router.Add(["GET", "POST"], "/{index}/_mget", (r, _) => ValueTask.FromResult(Mget(r)));
    }

    private RestResponse Mget(RestRequest request)
    {
        var body = RestJson.RequiredObject(request);
        var defaultIndex = request.RouteOrNull("index");
        var spec = SourceSpec.FromQuery(request);
        var docs = new List<JsonObject>();
        if (body["docs"] is JsonArray docArray)
        {
            docs.AddRange(docArray.Select(d => d as JsonObject ?? throw StoreException.Parsing("docs array element should include an object")));
        }
        else if (body["ids"] is JsonArray ids)
        {
            docs.AddRange(ids.Select(id => new JsonObject { ["_id"] = id?.DeepClone() }));
        }
        else
        {
            throw StoreException.Parsing("unknown key [" + (body.FirstOrDefault().Key ?? "") + "] for a START_OBJECT, expected [docs] or [ids]");
        }

        if (docs.Count == 0)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: no documents to get;");
        }

        var problems = new List<string>();
        for (var i = 0; i < docs.Count; i++)
        {
            if ((docs[i]["_index"]?.GetValue<string>() ?? defaultIndex) is null)
            {
                problems.Add((problems.Count + 1) + ": index is missing for doc " + i + ";");
            }

            if (docs[i]["_id"] is null)
            {
                problems.Add((problems.Count + 1) + ": id is missing for doc " + i + ";");
            }
        }

        if (problems.Count > 0)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: " + string.Join("", problems));
        }

        var results = new JsonArray();
        foreach (var doc in docs)
        {
            var indexName = doc["_index"]?.GetValue<string>() ?? defaultIndex!;
            var id = doc["_id"]!.ToString();
            try
            {
                results.Add(WriteTargets.ForRead(store, indexName).TryGetValue(out var index, out var missing)
                    ? GetResponses.Build(index, id, DocumentEndpoints.Lookup(index, id, WriteTargets.Routing(index, indexName, Routing(doc["routing"]) ?? request.Param("routing"))), spec.With(doc))
                    : Failed(indexName, id, missing));
            }
            catch (StoreException e)
            {
                results.Add(Failed(indexName, id, e.ToError()));
            }
        }

        return RestResponse.Ok(new JsonObject { ["docs"] = results });
    }

    private static string? Routing(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => throw StoreException.Parsing("failed to parse multi get request. unknown field [routing]"),
    };

    private static JsonObject Failed(string index, string id, StoreError error) =>
        new() { ["_index"] = index, ["_id"] = id, ["error"] = ErrorRenderer.Cause(error, includeRootCause: true) };
}
