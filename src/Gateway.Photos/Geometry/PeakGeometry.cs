using Gateway.Peaks;

namespace Gateway.Photos.Geometry;

/// <summary>Which catalog peaks a photo can show, from its GPS position, compass direction and angle of view.</summary>
public static class PeakGeometry
{
    /// <summary>
    /// Every peak within <paramref name="visibleRangeKm"/> of the camera, nearest first, with its bearing offset and
    /// whether it lies inside the horizontal angle of view widened by <paramref name="marginDeg"/> on each side.
    /// </summary>
    public static IReadOnlyList<PeakSighting> Sightings(CameraPose camera, IEnumerable<Peak> peaks, double visibleRangeKm = 60, double marginDeg = 5)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(peaks);
        double? halfFov = camera.Focal35mm is > 0
            ? (FieldOfView.HorizontalDeg(camera.Focal35mm.Value, camera.Orientation, camera.Width, camera.Height) / 2) + marginDeg
            : null;
        var result = new List<PeakSighting>();
        foreach (var peak in peaks)
        {
            var distance = GeoMath.DistanceKm(camera.Latitude, camera.Longitude, peak.Latitude, peak.Longitude);
            if (distance > visibleRangeKm)
            {
                continue;
            }

            var bearing = GeoMath.InitialBearingDeg(camera.Latitude, camera.Longitude, peak.Latitude, peak.Longitude);
            double? offset = camera.DirectionDeg is { } dir ? GeoMath.SignedDifferenceDeg(dir, bearing) : null;
            bool? inView = offset is not null && halfFov is not null ? Math.Abs(offset.Value) <= halfFov.Value : null;
            var fromPeak = GeoMath.InitialBearingDeg(peak.Latitude, peak.Longitude, camera.Latitude, camera.Longitude);
            result.Add(new PeakSighting(peak.Id, distance, bearing, offset, inView, fromPeak));
        }

        return result.OrderBy(s => s.DistanceKm).ToList();
    }

    /// <summary>
    /// The sightings a photo's <c>peaks_in_frame</c> holds: those inside the angle of view when it is known,
    /// else every peak within range (the frame cannot be narrowed further).
    /// </summary>
    public static IReadOnlyList<PeakSighting> InFrame(IReadOnlyList<PeakSighting> sightings) =>
        sightings.Where(s => s.InFieldOfView != false).ToList();
}
