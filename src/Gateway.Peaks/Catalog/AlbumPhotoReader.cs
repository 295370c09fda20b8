using System.Text.Json.Nodes;
using Gateway.Upstream;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Peaks.Catalog;

/// <summary>
/// Finds album photos in the photos index by album and path (the names that survive a reindex), with their stored
/// image vectors: what album reference photos are blended from, and how the admin pages show them.
/// </summary>
public sealed class AlbumPhotoReader(UpstreamClient upstream, PeaksOptions options)
{
    /// <summary>The stored image vector field of the photos index.</summary>
    public const string VectorField = "clip_image";

    /// <summary>The photos among <paramref name="photos"/> that the index holds; missing ones are left out (an album
    /// not indexed yet, or removed). An index that does not exist holds none; another failure is the outcome.</summary>
    public async Task<Outcome<Dictionary<AlbumPhoto, AlbumPhotoHit>>> FindAsync(IReadOnlyCollection<AlbumPhoto> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var found = new Dictionary<AlbumPhoto, AlbumPhotoHit>();
        foreach (var chunk in photos.Distinct().Chunk(500))
        {
            var body = new JsonObject
            {
                ["size"] = chunk.Length * 2,
                ["query"] = new JsonObject
                {
                    ["bool"] = new JsonObject
                    {
                        ["should"] = new JsonArray(chunk.Select(p => (JsonNode)new JsonObject
                        {
                            ["bool"] = new JsonObject
                            {
                                ["filter"] = new JsonArray(
                                    new JsonObject { ["term"] = new JsonObject { ["album"] = p.Album } },
                                    new JsonObject { ["term"] = new JsonObject { ["path"] = p.Path } }),
                            },
                        }).ToArray()),
                        ["minimum_should_match"] = 1,
                    },
                },
            };
            if (await upstream.ExcludesVectorsFromSourceAsync(cancellationToken).ConfigureAwait(false))
            {
                body["_source"] = new JsonObject { ["exclude_vectors"] = false };
            }

            var response = await upstream.SendAsync(HttpMethod.POST, $"/{Uri.EscapeDataString(options.PhotosIndex)}/_search", body.ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.Status == 404)
            {
                return found;
            }

            if (!response.IsSuccess)
            {
                return Outcome.Failed($"reading album photos from {options.PhotosIndex} failed with status {response.Status}: {response.Error}");
            }

            foreach (var hit in response.Body?["hits"]?["hits"] as JsonArray ?? [])
            {
                var source = hit?["_source"];
                if (Text(source?["album"]) is { } album && Text(source?["path"]) is { } path && Text(hit?["_id"]) is { } id)
                {
                    var photo = new AlbumPhoto(album, path);
                    found.TryAdd(photo, new AlbumPhotoHit(photo, id, JsonVectors.Read(source?[VectorField])));
                }
            }
        }

        return found;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
