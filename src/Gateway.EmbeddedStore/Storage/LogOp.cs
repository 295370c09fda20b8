namespace Gateway.EmbeddedStore.Storage;

/// <summary>Operation codes of translog and snapshot records (stable on disk: never renumber).</summary>
internal enum LogOp : byte
{
    CreateIndex = 1,
    DeleteIndex = 2,
    PutMapping = 3,
    SetAliases = 4,
    SetSettings = 5,
    IndexDoc = 6,
    DeleteDoc = 7,
    SnapshotEnd = 8,

    /// <summary>
    /// IndexDoc with the source packed by <see cref="NumberTextPacker"/>: what the store writes
    /// since the packing came in; decoded as <see cref="IndexDoc"/>. Plain IndexDoc records of
    /// older files are still read.
    /// </summary>
    IndexDocPacked = 9,

    /// <summary>The persistent cluster settings, whole (flat JSON), after each change.</summary>
    ClusterSettings = 10,

    /// <summary>A stored script (<c>PUT /_scripts/{id}</c>): the id in the uuid field, the source as UTF-8.</summary>
    PutScript = 11,

    /// <summary>A stored script deleted: the id in the uuid field.</summary>
    DeleteScript = 12,
}
