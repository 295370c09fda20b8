namespace Gateway.EmbeddedStore.Mapping;

/// <summary>dense_vector <c>element_type</c>: how each dimension is given, stored and scored.</summary>
internal enum VectorElementType
{
    /// <summary>32-bit floats (the default).</summary>
    Float,

    /// <summary>Signed bytes, integers −128..127, scored with Lucene's byte formulas.</summary>
    Byte,

    /// <summary>Bits packed eight to a byte (dims is a multiple of 8), scored by Hamming distance.</summary>
    Bit,

    /// <summary>Floats kept at bfloat16 precision (the upper 16 bits of a float, rounded to nearest even).</summary>
    BFloat16,
}
