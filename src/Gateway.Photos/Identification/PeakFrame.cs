using Gateway.Peaks;
using Gateway.Photos.Exif;
using Gateway.Photos.Geometry;
using Gateway.Photos.Ingestion;

namespace Gateway.Photos.Identification;

/// <summary>
/// Which peaks a photo can show, from its EXIF alone (docs/ingestion.md, "Predicted peaks"): without GPS every peak
/// (rule <c>vision</c>); with GPS the peaks within <see cref="PhotosOptions.VisibleRangeKm"/> (rule <c>range</c>); with
/// compass direction and focal length as well, the peaks inside the horizontal angle of view widened by
/// <see cref="PhotosOptions.FieldOfViewMarginDeg"/> (rule <c>field_of_view</c>). Ingestion, <c>/_gateway/identify</c>
/// and <c>query_image</c> all decide with this one class.
/// </summary>
/// <param name="InFrame">Peaks in range (and in the field of view when it is known), nearest first; empty without GPS.</param>
/// <param name="Possible">The ids of <paramref name="InFrame"/>, or null when geometry cannot narrow anything (no GPS).</param>
/// <param name="Rule"><c>vision</c>, <c>range</c> or <c>field_of_view</c>.</param>
public sealed record PeakFrame(IReadOnlyList<PeakSighting> InFrame, IReadOnlySet<string>? Possible, string Rule)
{
    /// <summary>The frame of a photo without GPS: every peak is possible.</summary>
    public static PeakFrame Unconstrained { get; } = new([], null, "vision");

    /// <summary>The peaks <paramref name="metadata"/> can show among <paramref name="peaks"/>.</summary>
    public static PeakFrame Of(PhotoMetadata metadata, IEnumerable<Peak> peaks, PhotosOptions options)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(options);
        if (!metadata.HasGps)
        {
            return Unconstrained;
        }

        var pose = new CameraPose(metadata.Latitude!.Value, metadata.Longitude!.Value, metadata.DirectionDeg, metadata.Focal35mm, metadata.Orientation, metadata.Width, metadata.Height);
        var sightings = PeakGeometry.Sightings(pose, peaks, options.VisibleRangeKm, options.FieldOfViewMarginDeg);
        var inFrame = PeakGeometry.InFrame(sightings);
        var rule = sightings.Any(s => s.InFieldOfView is not null) ? "field_of_view" : "range";
        return new PeakFrame(inFrame, inFrame.Select(s => s.PeakId).ToHashSet(StringComparer.Ordinal), rule);
    }

    /// <summary>True when geometry allows peak <paramref name="id"/>.</summary>
    public bool IsPossible(string id) => Possible is null || Possible.Contains(id);
}
