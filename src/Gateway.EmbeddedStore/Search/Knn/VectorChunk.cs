using System.Numerics.Tensors;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>A block of <see cref="VectorColumn.ChunkSize"/> vectors with their quantised copies.</summary>
internal sealed class VectorChunk
{
    private ResidualCodes? _residual;

    public VectorChunk(int dims)
    {
        Dims = dims;
        Floats = new float[VectorColumn.ChunkSize * dims];
        Quantized = new sbyte[VectorColumn.ChunkSize * dims];
        Scales = new float[VectorColumn.ChunkSize];
        QuantizedSums = new int[VectorColumn.ChunkSize];
        SquaredNorms = new float[VectorColumn.ChunkSize];
        Present = new bool[VectorColumn.ChunkSize];
    }

    public int Dims { get; }

    public float[] Floats { get; }

    public sbyte[] Quantized { get; }

    /// <summary>Per-vector dequantisation scale: value ≈ quantized × scale.</summary>
    public float[] Scales { get; }

    /// <summary>Sum of the quantised components, used by the unsigned-times-signed int8 kernel.</summary>
    public int[] QuantizedSums { get; }

    public float[] SquaredNorms { get; }

    public bool[] Present { get; }

    /// <summary>Two-bit codes, once the chunk is full (<see cref="Seal"/>); null before.</summary>
    public ResidualCodes? Residual => Volatile.Read(ref _residual);

    /// <summary>Builds the two-bit codes; called by the writer once no slot will be written again.</summary>
    public void Seal()
    {
        if (_residual is null)
        {
            Volatile.Write(ref _residual, ResidualCodes.Build(this));
        }
    }

    public ReadOnlySpan<float> Vector(int slot) => Floats.AsSpan(slot * Dims, Dims);

    public ReadOnlySpan<sbyte> QuantizedVector(int slot) => Quantized.AsSpan(slot * Dims, Dims);

    public void Set(int slot, float[] vector, bool normalize)
    {
        var target = Floats.AsSpan(slot * Dims, Dims);
        vector.CopyTo(target);
        if (normalize)
        {
            var norm = TensorPrimitives.Norm(target);
            if (norm > 0)
            {
                TensorPrimitives.Divide(target, norm, target);
            }
        }

        SquaredNorms[slot] = TensorPrimitives.Dot(target, target);
        Scales[slot] = Int8Quantizer.Quantize(target, Quantized.AsSpan(slot * Dims, Dims), out var sum);
        QuantizedSums[slot] = sum;
        Present[slot] = true;
    }
}
