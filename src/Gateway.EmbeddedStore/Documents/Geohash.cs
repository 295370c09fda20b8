namespace Gateway.EmbeddedStore.Documents;

/// <summary>Decodes a geohash string to the centre of its cell (Elasticsearch accepts geohashes for geo_point).</summary>
internal static class Geohash
{
    private const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    public static bool TryDecode(string hash, out GeoPoint point)
    {
        point = default;
        if (hash.Length is 0 or > 12)
        {
            return false;
        }

        double latMin = -90, latMax = 90, lonMin = -180, lonMax = 180;
        var even = true;
        foreach (var c in hash)
        {
            var index = Alphabet.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            for (var bit = 4; bit >= 0; bit--)
            {
                var set = ((index >> bit) & 1) == 1;
                if (even)
                {
                    var mid = (lonMin + lonMax) / 2;
                    (lonMin, lonMax) = set ? (mid, lonMax) : (lonMin, mid);
                }
                else
                {
                    var mid = (latMin + latMax) / 2;
                    (latMin, latMax) = set ? (mid, latMax) : (latMin, mid);
                }

                even = !even;
            }
        }

        point = new GeoPoint((latMin + latMax) / 2, (lonMin + lonMax) / 2);
        return true;
    }
}
