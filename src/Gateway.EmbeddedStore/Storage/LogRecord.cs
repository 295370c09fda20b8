namespace Gateway.EmbeddedStore.Storage;

/// <summary>
/// One durable change. Which members are set depends on <see cref="Op"/>: index records carry
/// the index uuid; metadata records carry JSON (UTF-8); document records carry id, version,
/// sequence number, primary term and (for IndexDoc) the source bytes.
/// </summary>
internal sealed class LogRecord
{
    public required LogOp Op { get; init; }

    public string IndexUuid { get; init; } = "";

    public string? IndexName { get; init; }

    public string? Id { get; init; }

    public long Version { get; init; }

    public long SeqNo { get; init; }

    public long PrimaryTerm { get; init; }

    public long CreationDate { get; init; }

    /// <summary>Settings JSON (CreateIndex, SetSettings).</summary>
    public byte[]? Settings { get; init; }

    /// <summary>Mapping JSON (CreateIndex, PutMapping).</summary>
    public byte[]? Mapping { get; init; }

    /// <summary>Aliases JSON (CreateIndex, SetAliases: one entry per index uuid in <see cref="Batch"/>).</summary>
    public byte[]? Aliases { get; init; }

    /// <summary>SetAliases: several (uuid, aliases JSON) pairs applied atomically.</summary>
    public IReadOnlyList<(string Uuid, byte[] Aliases)>? Batch { get; init; }

    /// <summary>IndexDoc: the custom routing (written after the source only when set, so older records read as none).</summary>
    public string? Routing { get; init; }

    /// <summary>IndexDoc: the _source bytes.</summary>
    public ReadOnlyMemory<byte> Source { get; init; }
}
