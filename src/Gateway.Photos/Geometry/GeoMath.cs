namespace Gateway.Photos.Geometry;

/// <summary>Great-circle distance and bearing on a spherical Earth (mean radius 6371.0088 km).</summary>
public static class GeoMath
{
    /// <summary>IUGG mean Earth radius in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine distance in kilometres between two points given in decimal degrees.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var phi1 = ToRadians(lat1);
        var phi2 = ToRadians(lat2);
        var dPhi = ToRadians(lat2 - lat1);
        var dLambda = ToRadians(lon2 - lon1);
        var a = (Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2))
            + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Initial bearing (forward azimuth) from point 1 to point 2, degrees clockwise from true north in [0, 360).</summary>
    public static double InitialBearingDeg(double lat1, double lon1, double lat2, double lon2)
    {
        var phi1 = ToRadians(lat1);
        var phi2 = ToRadians(lat2);
        var dLambda = ToRadians(lon2 - lon1);
        var y = Math.Sin(dLambda) * Math.Cos(phi2);
        var x = (Math.Cos(phi1) * Math.Sin(phi2)) - (Math.Sin(phi1) * Math.Cos(phi2) * Math.Cos(dLambda));
        return NormalizeDeg(ToDegrees(Math.Atan2(y, x)));
    }

    /// <summary>Signed smallest difference <paramref name="to"/> − <paramref name="from"/> in (−180, 180]; positive is clockwise (to the right).</summary>
    public static double SignedDifferenceDeg(double from, double to)
    {
        var d = NormalizeDeg(to - from);
        return d > 180 ? d - 360 : d;
    }

    /// <summary>An angle in degrees mapped into [0, 360).</summary>
    public static double NormalizeDeg(double degrees)
    {
        var d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    private static double ToDegrees(double radians) => radians * 180 / Math.PI;
}
