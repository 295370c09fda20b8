namespace Gateway.Peaks.References;

/// <summary>An album photo proposed as a reference photo of a peak.</summary>
/// <param name="PeakId">The peak near the frame centre.</param>
/// <param name="Photo">Album and path.</param>
/// <param name="PhotoId">The document id when proposed (for the thumbnail).</param>
/// <param name="DistanceKm">Distance from the camera to the summit.</param>
/// <param name="BearingOffsetDeg">Bearing offset from the frame centre.</param>
public sealed record ReferenceCandidate(string PeakId, AlbumPhoto Photo, string PhotoId, double DistanceKm, double BearingOffsetDeg);
