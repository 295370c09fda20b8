using System.Text.Json.Nodes;
using Gateway.Photos.Identification;
using Gateway.Rewrite;
using Gateway.Upstream;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.QueryVectors;

/// <summary>
/// Reads a stored photo's vector (<c>{"photo_id": ...}</c> queries and <c>/_gateway/identify</c>) through the one
/// upstream client, with the caller's credentials (<see cref="CallerCredentials"/>). On Elasticsearch 9.2+, which
/// leaves vectors out of <c>_source</c> by default, it asks for them (<c>_source_exclude_vectors=false</c>, a parameter
/// 9.1 refuses, so it is sent by version).
/// </summary>
internal sealed class PhotoVectorReader(UpstreamClient upstream, IVectorFieldResolver fields, CallerCredentials callers)
{
    public async Task<VectorRead> ReadAsync(string index, string photoId, CancellationToken cancellationToken)
    {
        var path = $"/{Uri.EscapeDataString(index)}/_doc/{Uri.EscapeDataString(photoId)}";
        if (callers.For(index) is not { } caller)
        {
            return VectorRead.Failed(CallerCredentials.Refusal(path));
        }

        var field = (await fields.ResolveAsync(index, cancellationToken).ConfigureAwait(false))?.Default;
        if (field is null)
        {
            return VectorRead.Failed(400, "illegal_argument_exception", $"unknown vector field: no dense_vector field found in [{index}] for [query_image.photo_id]");
        }

        var askForVectors = await upstream.ExcludesVectorsFromSourceAsync(cancellationToken).ConfigureAwait(false);
        var response = await upstream.SendAsAsync(caller, TransportMethod.GET, askForVectors ? path + "?_source_exclude_vectors=false" : path, null, cancellationToken).ConfigureAwait(false);
        if (askForVectors && response.Status == 400)
        {
            // A store that follows 9.2 on search but does not know the GET parameter: ask through _search instead.
            response = await SearchByIdAsync(caller, index, photoId, cancellationToken).ConfigureAwait(false);
        }

        if (response.Status == 404 || (response.Status == 200 && response.Body?["found"]?.GetValue<bool>() == false))
        {
            return VectorRead.Failed(404, "resource_not_found_exception", $"photo [{photoId}] not found in [{index}]");
        }

        if (response.Status is 401 or 403 && response.ElasticsearchError is { } refused)
        {
            return VectorRead.Failed(refused.Status, refused.Type, refused.Reason);
        }

        var vector = response.IsSuccess ? JsonVectors.Read(response.Body?["_source"]?[field]) : null;
        return vector is not null
            ? VectorRead.Found(vector, StoredPhotoGeometry.FromSource(response.Body?["_source"]))
            : VectorRead.Failed(400, "illegal_argument_exception", $"photo [{photoId}] in [{index}] has no [{field}] vector");
    }

    private async Task<UpstreamResponse> SearchByIdAsync(UpstreamCaller caller, string index, string photoId, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["size"] = 1,
            ["query"] = new JsonObject { ["ids"] = new JsonObject { ["values"] = new JsonArray(photoId) } },
            ["_source"] = new JsonObject { ["exclude_vectors"] = false },
        };
        var response = await upstream.SendAsAsync(caller, TransportMethod.POST, $"/{Uri.EscapeDataString(index)}/_search", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return response;
        }

        // Shaped like a GET answer: found and _source of the one hit.
        var hit = (response.Body?["hits"]?["hits"] as JsonArray)?.FirstOrDefault();
        var answer = new JsonObject { ["found"] = hit is not null, ["_source"] = hit?["_source"]?.DeepClone() };
        return response with { Body = answer };
    }
}
