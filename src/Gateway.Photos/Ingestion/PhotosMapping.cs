using System.Text.Json.Nodes;

namespace Gateway.Photos.Ingestion;

/// <summary>The <c>photos</c> index definition, with the vector size read from the loaded model.</summary>
public static class PhotosMapping
{
    /// <summary>Index body for a versioned photos index.</summary>
    public static JsonObject Create(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        static JsonObject T(string type) => new() { ["type"] = type };
        return new JsonObject
        {
            ["mappings"] = new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["path"] = T("keyword"),
                    ["album"] = T("keyword"),
                    ["file_name"] = T("keyword"),
                    ["clip_image"] = new JsonObject
                    {
                        ["type"] = "dense_vector",
                        ["dims"] = dimensions,
                        ["index"] = true,
                        ["similarity"] = "cosine",
                        ["index_options"] = new JsonObject { ["type"] = "hnsw", ["m"] = 16, ["ef_construction"] = 128 },
                    },
                    ["predicted_peaks"] = T("keyword"),
                    ["predicted_scores"] = T("float"),
                    ["prediction_rule"] = T("keyword"),
                    ["best_score"] = T("float"),

                    // nested, so that a peak_in_frame filter matches id, distance and side of the same peak.
                    ["peaks_in_frame"] = new JsonObject
                    {
                        ["type"] = "nested",
                        ["properties"] = new JsonObject
                        {
                            ["id"] = T("keyword"),
                            ["distance_km"] = T("float"),
                            ["bearing_deg"] = T("float"),
                            ["bearing_offset_deg"] = T("float"),
                            ["bearing_from_peak_deg"] = T("float"),
                        },
                    },
                    ["gps"] = T("geo_point"),
                    ["altitude_m"] = T("float"),
                    ["direction_deg"] = T("float"),
                    ["direction_ref"] = T("keyword"),
                    ["shot_time"] = T("date"),
                    ["shot_time_source"] = T("keyword"),
                    ["offset_time"] = T("keyword"),
                    ["local_date"] = T("date"),
                    ["camera_make"] = T("keyword"),
                    ["camera_model"] = T("keyword"),
                    ["focal_35mm"] = T("float"),
                    ["orientation"] = T("integer"),
                    ["width"] = T("integer"),
                    ["height"] = T("integer"),
                    ["file_size"] = T("long"),
                    ["mtime"] = T("date"),
                    ["content_hash"] = T("keyword"),
                    ["exif_error"] = T("keyword"),
                    ["model_id"] = T("keyword"),
                    ["indexed_at"] = T("date"),
                },
            },
        };
    }
}
