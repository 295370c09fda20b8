using System.Text.Json.Nodes;

namespace Gateway.Peaks.Catalog;

/// <summary>The <c>peaks_catalog</c> index definition (DESIGN.md), with the vector size read from the loaded model.</summary>
public static class PeakCatalogMapping
{
    /// <summary>The prototype vector field.</summary>
    public const string VectorField = "text_embed";

    /// <summary>Index body: id keyword, names text + names.raw keyword, latlon geo_point, elev_m integer,
    /// text_embed dense_vector (cosine, HNSW m=16, ef_construction=128), album_references and album_negatives
    /// (album and path keywords), content_hash keyword.</summary>
    public static JsonObject Create(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        return new JsonObject
        {
            ["mappings"] = new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["id"] = new JsonObject { ["type"] = "keyword" },
                    ["names"] = new JsonObject
                    {
                        ["type"] = "text",
                        ["fields"] = new JsonObject { ["raw"] = new JsonObject { ["type"] = "keyword" } },
                    },
                    ["display_name"] = new JsonObject { ["type"] = "keyword" },
                    ["latlon"] = new JsonObject { ["type"] = "geo_point" },
                    ["elev_m"] = new JsonObject { ["type"] = "integer" },
                    [VectorField] = new JsonObject
                    {
                        ["type"] = "dense_vector",
                        ["dims"] = dimensions,
                        ["index"] = true,
                        ["similarity"] = "cosine",
                        ["index_options"] = new JsonObject { ["type"] = "hnsw", ["m"] = 16, ["ef_construction"] = 128 },
                    },
                    ["reference_photo_count"] = new JsonObject { ["type"] = "integer" },
                    ["album_references"] = AlbumPhotos(),
                    ["album_negatives"] = AlbumPhotos(),
                    ["content_hash"] = new JsonObject { ["type"] = "keyword" },
                    ["model_id"] = new JsonObject { ["type"] = "keyword" },
                },
            },
        };
    }

    private static JsonObject AlbumPhotos() => new()
    {
        ["properties"] = new JsonObject
        {
            ["album"] = new JsonObject { ["type"] = "keyword" },
            ["path"] = new JsonObject { ["type"] = "keyword" },
        },
    };
}
