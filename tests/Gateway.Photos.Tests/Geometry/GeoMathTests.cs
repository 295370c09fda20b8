using Gateway.Photos.Geometry;

namespace Gateway.Photos.Tests.Geometry;

public sealed class GeoMathTests
{
    [Theory]
    [InlineData(0, 0, 1, 0, 111.195)]
    [InlineData(0, 0, 0, 1, 111.195)]
    [InlineData(27.98806, 86.92528, 27.86111, 86.86111, 15.460)]
    public void DistanceKm_MatchesHaversine(double lat1, double lon1, double lat2, double lon2, double expectedKm) =>
        Assert.Equal(expectedKm, GeoMath.DistanceKm(lat1, lon1, lat2, lon2), 2);

    [Theory]
    [InlineData(0, 0, 1, 0, 0)]
    [InlineData(0, 0, 0, 1, 90)]
    [InlineData(0, 0, -1, 0, 180)]
    [InlineData(0, 0, 0, -1, 270)]
    [InlineData(27.86111, 86.86111, 27.98806, 86.92528, 24.051)]
    public void InitialBearingDeg_CompassDirection(double lat1, double lon1, double lat2, double lon2, double expected) =>
        Assert.Equal(expected, GeoMath.InitialBearingDeg(lat1, lon1, lat2, lon2), 2);

    [Theory]
    [InlineData(350, 10, 20)]
    [InlineData(10, 350, -20)]
    [InlineData(0, 180, 180)]
    [InlineData(90, 45, -45)]
    public void SignedDifferenceDeg_WrapsAroundNorth(double from, double to, double expected) =>
        Assert.Equal(expected, GeoMath.SignedDifferenceDeg(from, to), 9);

    [Theory]
    [InlineData(24, 1, 6000, 4000, 73.74)]
    [InlineData(24, 6, 6000, 4000, 53.13)]
    [InlineData(24, 1, 4000, 6000, 53.13)]
    [InlineData(50, null, null, null, 39.6)]
    [InlineData(48, 6, 4032, 3024, 30.26)]
    [InlineData(24, 1, 5712, 4284, 71.64)]
    public void HorizontalDeg_FromFocalLengthAndOrientation(double focal, int? orientation, int? width, int? height, double expected) =>
        Assert.Equal(expected, FieldOfView.HorizontalDeg(focal, orientation, width, height), 1);
}
