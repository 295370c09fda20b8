namespace Gateway.Peaks.References;

/// <summary>One stored <c>peaks_in_frame</c> entry of a photo, as far as the candidate rule needs it.</summary>
/// <param name="PeakId">The catalog id.</param>
/// <param name="DistanceKm">Distance from the camera, or null when not stored.</param>
/// <param name="BearingOffsetDeg">Bearing minus camera direction (positive: right of centre), or null when the photo has no direction.</param>
public sealed record PeakInFrame(string PeakId, double? DistanceKm, double? BearingOffsetDeg);
