using Gateway.Rewrite;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.QueryVectors;

/// <summary>Reads a stored photo's vector (<c>{"photo_id": ...}</c> queries) through the shared client.</summary>
internal sealed class PhotoVectorReader(UpstreamJson upstream, IVectorFieldResolver fields)
{
    public async Task<float[]> ReadAsync(string index, string photoId, CancellationToken cancellationToken)
    {
        var field = (await fields.ResolveAsync(index, cancellationToken).ConfigureAwait(false))?.Default
            ?? throw RewriteException.BadRequest($"unknown vector field: no dense_vector field found in [{index}] for [query_image.photo_id]");
        var path = $"/{Uri.EscapeDataString(index)}/_doc/{Uri.EscapeDataString(photoId)}";
        var (status, json) = await upstream.SendAsync(TransportMethod.GET, path, null, cancellationToken).ConfigureAwait(false);
        if (status == 404 || (status == 200 && json?["found"]?.GetValue<bool>() == false))
        {
            throw new RewriteException(404, "resource_not_found_exception", $"photo [{photoId}] not found in [{index}]");
        }

        var vector = UpstreamJson.Vector(json?["_source"]?[field]);
        if (vector is null && status == 200)
        {
            // Elasticsearch 9.2+ leaves vectors out of _source unless asked to keep them.
            (status, json) = await upstream.SendAsync(TransportMethod.GET, path + "?_source_exclude_vectors=false", null, cancellationToken).ConfigureAwait(false);
            vector = status == 200 ? UpstreamJson.Vector(json?["_source"]?[field]) : null;
        }

        return vector ?? throw RewriteException.BadRequest($"photo [{photoId}] in [{index}] has no [{field}] vector");
    }
}
