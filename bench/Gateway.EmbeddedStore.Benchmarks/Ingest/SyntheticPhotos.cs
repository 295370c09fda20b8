using System.Globalization;
using System.Text;

namespace Gateway.EmbeddedStore.Benchmarks.Ingest;

/// <summary>Deterministic photo-like documents: a 768-d vector plus keyword, date and geo fields.</summary>
internal static class SyntheticPhotos
{
    public const int Dims = 768;

    public const string Mapping = """
        {"settings":{"number_of_replicas":0},
         "mappings":{"properties":{
           "path":{"type":"keyword"},"album":{"type":"keyword"},"camera":{"type":"keyword"},
           "predicted_peaks":{"type":"keyword"},"shot_time":{"type":"date"},"gps":{"type":"geo_point"},
           "altitude_m":{"type":"float"},
           "clip_image":{"type":"dense_vector","dims":768,"similarity":"cosine","index_options":{"type":"hnsw","m":16,"ef_construction":128}}}}}
        """;

    public static Photo Create(int i)
    {
        var random = new Random(i);
        var vector = new float[Dims];
        double norm = 0;
        for (var d = 0; d < Dims; d++)
        {
            vector[d] = (float)(random.NextDouble() * 2 - 1);
            norm += vector[d] * vector[d];
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var d = 0; d < Dims; d++)
        {
            vector[d] *= scale;
        }

        return new Photo(
            "album-" + (i % 20).ToString(CultureInfo.InvariantCulture) + "/IMG_" + i.ToString("D6", CultureInfo.InvariantCulture) + ".HEIC",
            "album-" + (i % 20).ToString(CultureInfo.InvariantCulture),
            i % 3 == 0 ? "iPhone 15 Pro" : "X-T5",
            ["ama-dablam", "lhotse", "everest"],
            new DateTime(2024, 10, 1, 6, 0, 0, DateTimeKind.Utc).AddMinutes(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            new GeoLocation(27.8 + (random.NextDouble() / 10), 86.7 + (random.NextDouble() / 10)),
            3000 + (float)(random.NextDouble() * 2500),
            vector);
    }

    /// <summary>One bulk NDJSON body for documents [from, to).</summary>
    public static byte[] BulkBody(string index, int from, int to)
    {
        var builder = new StringBuilder((to - from) * 10000);
        for (var i = from; i < to; i++)
        {
            var photo = Create(i);
            builder.Append("{\"index\":{\"_index\":\"").Append(index).Append("\",\"_id\":\"").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\"}}\n");
            builder.Append("{\"path\":\"").Append(photo.Path)
                .Append("\",\"album\":\"").Append(photo.Album)
                .Append("\",\"camera\":\"").Append(photo.Camera)
                .Append("\",\"predicted_peaks\":[\"ama-dablam\",\"lhotse\",\"everest\"],\"shot_time\":\"").Append(photo.ShotTime)
                .Append("\",\"gps\":{\"lat\":").Append(photo.Gps.Lat.ToString("R", CultureInfo.InvariantCulture))
                .Append(",\"lon\":").Append(photo.Gps.Lon.ToString("R", CultureInfo.InvariantCulture))
                .Append("},\"altitude_m\":").Append(photo.AltitudeM.ToString("R", CultureInfo.InvariantCulture))
                .Append(",\"clip_image\":[");
            for (var d = 0; d < Dims; d++)
            {
                if (d > 0)
                {
                    builder.Append(',');
                }

                builder.Append(photo.ClipImage[d].ToString("R", CultureInfo.InvariantCulture));
            }

            builder.Append("]}\n");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
