namespace Gateway.Peaks.References;

/// <summary>
/// The geometry that proposes a photo as a reference for a peak: exactly one catalog peak of its stored
/// <c>peaks_in_frame</c> lies near the frame centre (|bearing offset| ≤ <see cref="ReferenceCandidateOptions.MaxBearingOffsetDeg"/>)
/// and close (distance ≤ <see cref="ReferenceCandidateOptions.MaxDistanceKm"/>). Two such peaks make the photo ambiguous;
/// a photo without a recorded direction (no offset) or distance proposes nothing.
/// </summary>
public static class ReferenceCandidateRule
{
    /// <summary>The one peak near the centre, or null.</summary>
    public static PeakInFrame? Propose(IEnumerable<PeakInFrame> inFrame, ReferenceCandidateOptions options)
    {
        ArgumentNullException.ThrowIfNull(inFrame);
        ArgumentNullException.ThrowIfNull(options);
        var near = inFrame
            .Where(p => p.BearingOffsetDeg is { } offset && Math.Abs(offset) <= options.MaxBearingOffsetDeg
                && p.DistanceKm is { } km && km <= options.MaxDistanceKm)
            .DistinctBy(p => p.PeakId, StringComparer.Ordinal)
            .Take(2)
            .ToList();
        return near.Count == 1 ? near[0] : null;
    }
}
