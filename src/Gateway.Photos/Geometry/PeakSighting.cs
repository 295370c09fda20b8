namespace Gateway.Photos.Geometry;

/// <summary>A catalog peak seen from a camera position.</summary>
/// <param name="PeakId">Catalog id.</param>
/// <param name="DistanceKm">Great-circle distance from the camera.</param>
/// <param name="BearingDeg">Initial bearing from the camera to the summit.</param>
/// <param name="BearingOffsetDeg">Bearing minus camera direction in (−180, 180] (positive: right of centre), or null when the direction is unknown.</param>
/// <param name="InFieldOfView">True/false when direction and focal length are known, null otherwise.</param>
/// <param name="BearingFromPeakDeg">Initial bearing from the summit to the camera in [0, 360): the side of the peak the photo was taken from.</param>
public sealed record PeakSighting(string PeakId, double DistanceKm, double BearingDeg, double? BearingOffsetDeg, bool? InFieldOfView, double BearingFromPeakDeg);
