using System.ComponentModel.DataAnnotations;

namespace Gateway.Photos.Ingestion;

/// <summary>Photo ingestion (section <c>Photos</c>).</summary>
public sealed class PhotosOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Photos";

    /// <summary>The albums to index.</summary>
    public List<AlbumOptions> Albums { get; set; } = [];

    /// <summary>The alias searches use; full reindexes write <c>{Alias}-v{timestamp}</c> behind it. Default <c>photos</c>;
    /// <c>AddPhotoIngestion</c> sets it from <c>Indices:Photos</c> (<see cref="Upstream.GatewayIndicesOptions"/>).</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]*$")]
    public string Alias { get; set; } = "photos";

    /// <summary>Documents per bulk request.</summary>
    [Range(1, 10000)]
    public int BatchSize { get; set; } = 64;

    /// <summary>Files read, hashed, EXIF-parsed and submitted for embedding at once; 0 means 2 × processor count (at least 8),
    /// enough to keep the embedding service's batches full while files are read.</summary>
    [Range(0, 1024)]
    public int Workers { get; set; }

    /// <summary>Peaks farther than this from the camera cannot be predicted. Default 60 km.</summary>
    [Range(0.1, 1000)]
    public double VisibleRangeKm { get; set; } = 60;

    /// <summary>Degrees added on each side of the horizontal angle of view (compass and summit-position error).</summary>
    [Range(0, 90)]
    public double FieldOfViewMarginDeg { get; set; } = 5;

    /// <summary>At most this many peaks are predicted per photo.</summary>
    [Range(1, 10)]
    public int MaxPredictedPeaks { get; set; } = 4;

    /// <summary>A peak is predicted only if its similarity is at least this fraction of the best eligible peak's.</summary>
    [Range(0.0, 1.0)]
    public double RelativeThreshold { get; set; } = 0.9;

    /// <summary>
    /// The "unknown" threshold: the best eligible peak must reach this cosine similarity for anything to be predicted or
    /// identified; below it ingestion stores no predicted peak and <c>/_gateway/identify</c> and <c>query_image</c> answer
    /// <c>unknown</c>. Calibrate it with the admin's score distribution (Admin → Identification).
    /// </summary>
    [Range(-1.0, 1.0)]
    public double MinSimilarity { get; set; } = 0.0;

    /// <summary>How geometry acts on vision: <see cref="Identification.GeometryMode.Restrict"/> (default: only possible peaks)
    /// or <see cref="Identification.GeometryMode.Weight"/> (impossible peaks lose <see cref="OutOfFramePenalty"/>).</summary>
    [EnumDataType(typeof(Identification.GeometryMode))]
    public Identification.GeometryMode Geometry { get; set; } = Identification.GeometryMode.Restrict;

    /// <summary>In <see cref="Identification.GeometryMode.Weight"/> mode, what an impossible peak loses from its cosine similarity.</summary>
    [Range(0.0, 2.0)]
    public double OutOfFramePenalty { get; set; } = 0.1;

    /// <summary>The worker count in effect.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Math.Max(8, 2 * Environment.ProcessorCount);
}
