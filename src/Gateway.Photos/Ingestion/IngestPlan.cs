namespace Gateway.Photos.Ingestion;

/// <summary>
/// What a run will do, decided before any file is embedded: the index it writes, the files to (re)index, the documents
/// whose files are gone. A plan is plain data, so it can be kept in job storage and its chunks run on any gateway.
/// </summary>
/// <param name="Index">The concrete index written (behind the alias, or a new versioned one for a full reindex).</param>
/// <param name="FullReindex">Whether <paramref name="Index"/> is a new versioned index that replaces the alias's at the end.</param>
/// <param name="Albums">The albums scanned.</param>
/// <param name="Total">Image files found.</param>
/// <param name="Unchanged">Files whose stored document is current.</param>
/// <param name="Files">Files to (re)index.</param>
/// <param name="Deletions">Ids of documents whose files are gone.</param>
/// <param name="Warnings">Run-level remarks (a missing album folder, no peak catalog).</param>
public sealed record IngestPlan(
    string Index,
    bool FullReindex,
    IReadOnlyList<string> Albums,
    int Total,
    int Unchanged,
    IReadOnlyList<PlannedFile> Files,
    IReadOnlyList<string> Deletions,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The files in slices of at most <paramref name="size"/>, in plan order.</summary>
    public IReadOnlyList<IngestChunk> Chunks(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return Files.Chunk(size).Select(files => new IngestChunk(Index, files)).ToList();
    }
}
