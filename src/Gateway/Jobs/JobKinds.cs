namespace Gateway.Jobs;

/// <summary>The job types the API, the recurring schedules and the dashboard know.</summary>
internal static class JobKinds
{
    /// <summary>Re-embed changed peaks of config/peaks.yaml into peaks_catalog.</summary>
    public const string CatalogRebuild = "catalog-rebuild";

    /// <summary>Incremental scan of one album into the photos alias.</summary>
    public const string IncrementalScan = "incremental-scan";

    /// <summary>Every album into a new versioned index, then an atomic alias swap.</summary>
    public const string FullReindex = "full-reindex";

    /// <summary>After a model change: catalog rebuild of every peak, then a full reindex.</summary>
    public const string ReindexAfterModelChange = "reindex-after-model-change";

    /// <summary>Propose album photos as peak reference photos for the admin's approval (<see cref="ReferenceCandidatesJob"/>).</summary>
    public const string ReferenceCandidates = "reference-candidates";

    /// <summary>All kinds.</summary>
    public static IReadOnlyList<string> All { get; } = [CatalogRebuild, IncrementalScan, FullReindex, ReindexAfterModelChange, ReferenceCandidates];
}
