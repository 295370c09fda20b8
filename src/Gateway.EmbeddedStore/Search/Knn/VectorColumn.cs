using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>
/// Append-only columnar storage of one dense_vector field, addressed by document ordinal:
/// float vectors (normalised for cosine), an int8 scalar-quantised copy, and, for every full
/// chunk, two-bit codes for the first pass. Slots below a snapshot's count are never written
/// again, so readers need no lock.
/// </summary>
internal sealed class VectorColumn
{
    /// <summary>Vectors per chunk; chunking avoids multi-gigabyte reallocations.</summary>
    public const int ChunkShift = 12;
    public const int ChunkSize = 1 << ChunkShift;

    private VectorChunk[] _chunks = [];
    private int _sealed;

    public VectorColumn(string field, int dims, VectorSimilarity similarity, VectorElementType elementType = VectorElementType.Float)
    {
        Field = field;
        Dims = dims;
        Similarity = similarity;
        ElementType = elementType;
    }

    public string Field { get; }

    public int Dims { get; }

    public VectorSimilarity Similarity { get; }

    /// <summary>Byte and bit columns hold their values as floats, unnormalised, and are scored exactly with their own formulas.</summary>
    public VectorElementType ElementType { get; }

    /// <summary>The chunk array as of now; snapshots hold on to it.</summary>
    public VectorChunk[] Chunks => Volatile.Read(ref _chunks);

    /// <summary>Stores <paramref name="vector"/> at <paramref name="ord"/> (writer thread only).</summary>
    public void Set(int ord, float[] vector)
    {
        if (vector.Length != Dims)
        {
            return;
        }

        var chunkIndex = ord >> ChunkShift;
        var chunks = _chunks;
        if (chunkIndex >= chunks.Length)
        {
            var grown = new VectorChunk[chunkIndex + 1];
            Array.Copy(chunks, grown, chunks.Length);
            for (var i = chunks.Length; i < grown.Length; i++)
            {
                grown[i] = new VectorChunk(Dims);
            }

            Volatile.Write(ref _chunks, grown);
            chunks = grown;
        }

        // Ordinals only grow, so a chunk below the one being written is full: code it now, once.
        for (; _sealed < chunkIndex; _sealed++)
        {
            chunks[_sealed].Seal();
        }

        chunks[chunkIndex].Set(ord & (ChunkSize - 1), vector, Similarity == VectorSimilarity.Cosine && !VectorElementTypes.IsByteValued(ElementType));
    }

    /// <summary>
    /// Approximate bytes held per stored vector: float copy, int8 copy, scale, sum, norm, presence,
    /// two-bit code with its factor, error and level sum (the chunk centroid is under a byte).
    /// </summary>
    public int BytesPerVector => (Dims * 4) + Dims + 12 + 1 + ((Dims + 3) >> 2) + 12;
}
