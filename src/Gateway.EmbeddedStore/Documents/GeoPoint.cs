namespace Gateway.EmbeddedStore.Documents;

/// <summary>A parsed geo_point value in degrees.</summary>
internal readonly record struct GeoPoint(double Lat, double Lon);
