namespace Gateway.EmbeddedStore.Indices;

/// <summary>Concurrency-control options of one document write (URL parameters or bulk metadata).</summary>
internal sealed record WriteOptions
{
    public static WriteOptions None { get; } = new();

    /// <summary>Fail with a conflict when the document already exists (<c>_create</c>, <c>op_type=create</c>).</summary>
    public bool CreateOnly { get; init; }

    public long? IfSeqNo { get; init; }

    public long? IfPrimaryTerm { get; init; }

    public long? Version { get; init; }

    /// <summary>The custom routing value (<c>routing</c> parameter or bulk metadata); null for none.</summary>
    public string? Routing { get; init; }

    /// <summary><c>internal</c> (default), <c>external</c> or <c>external_gte</c>.</summary>
    public string VersionType { get; init; } = "internal";
}
