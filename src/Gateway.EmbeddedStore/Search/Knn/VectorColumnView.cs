using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>A refresh-time view of a <see cref="VectorColumn"/>: the chunks and count it saw.</summary>
internal sealed class VectorColumnView
{
    public VectorColumnView(VectorColumn column, int maxDoc)
    {
        Column = column;
        Chunks = column.Chunks;
        MaxDoc = Math.Min(maxDoc, Chunks.Length * VectorColumn.ChunkSize);
    }

    public VectorColumn Column { get; }

    public VectorChunk[] Chunks { get; }

    public int MaxDoc { get; }

    public int Dims => Column.Dims;

    public VectorSimilarity Similarity => Column.Similarity;

    public VectorElementType ElementType => Column.ElementType;

    public bool Has(int ord) => ord < MaxDoc && Chunks[ord >> VectorColumn.ChunkShift].Present[ord & (VectorColumn.ChunkSize - 1)];

    public ReadOnlySpan<float> Vector(int ord) => Chunks[ord >> VectorColumn.ChunkShift].Vector(ord & (VectorColumn.ChunkSize - 1));
}
