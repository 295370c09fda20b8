using System.ComponentModel.DataAnnotations;

namespace Gateway.Peaks.References;

/// <summary>Which album photos the candidate job proposes as reference photos (section <c>Peaks:Candidates</c>).</summary>
public sealed class ReferenceCandidateOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Peaks:Candidates";

    /// <summary>A peak is "near the frame centre" when its bearing is at most this many degrees off the camera direction. Default 5.</summary>
    [Range(0.1, 45.0)]
    public double MaxBearingOffsetDeg { get; set; } = 5;

    /// <summary>... and at most this far from the camera. Default 8 km.</summary>
    [Range(0.1, 100.0)]
    public double MaxDistanceKm { get; set; } = 8;

    /// <summary>At most this many candidates are kept per run (nearest to the centre first). Default 500.</summary>
    [Range(1, 10_000)]
    public int MaxCandidates { get; set; } = 500;
}
