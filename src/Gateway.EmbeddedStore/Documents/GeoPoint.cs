namespace Gateway.EmbeddedStore.Documents;

/// <summary>A parsed geo_point value in degrees.</summary>
public readonly record struct GeoPoint(double Lat, double Lon);
