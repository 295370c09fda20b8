namespace Gateway.Rewrite;

/// <summary>A catalog peak that geometry puts in an image's frame.</summary>
/// <param name="Id">Catalog id.</param>
/// <param name="Name">Display name.</param>
/// <param name="DistanceKm">Distance from the camera to the summit.</param>
/// <param name="BearingDeg">Bearing from the camera to the summit.</param>
/// <param name="BearingOffsetDeg">Bearing minus the camera direction (positive: right of centre), null when the direction is unknown.</param>
/// <param name="BearingFromPeakDeg">Bearing from the summit to the camera: the side of the peak the image was taken from.</param>
public sealed record PeakInFrame(string Id, string Name, double DistanceKm, double BearingDeg, double? BearingOffsetDeg, double BearingFromPeakDeg);
