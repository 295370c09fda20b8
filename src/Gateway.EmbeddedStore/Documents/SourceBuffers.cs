namespace Gateway.EmbeddedStore.Documents;

/// <summary>Copies of document sources that live as long as the document.</summary>
internal static class SourceBuffers
{
    /// <summary>
    /// Copies a source to the pinned object heap. Sources (about 10 KB for a 768-float document)
    /// live until the document is replaced, so a normal allocation would be copied twice by the
    /// GC (gen0 → gen1 → gen2) for nothing; the pinned heap is never compacted.
    /// </summary>
    public static byte[] Copy(ReadOnlySpan<byte> source)
    {
        var copy = GC.AllocateUninitializedArray<byte>(source.Length, pinned: true);
        source.CopyTo(copy);
        return copy;
    }
}
