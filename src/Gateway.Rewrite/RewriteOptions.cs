using System.ComponentModel.DataAnnotations;

namespace Gateway.Rewrite;

/// <summary>Limits and defaults of the search rewriting (configuration section <c>Gateway:Rewrite</c>).</summary>
public sealed class RewriteOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Gateway:Rewrite";

    /// <summary>num_candidates = k × this factor (bounded by <see cref="MinNumCandidates"/> and <see cref="MaxNumCandidates"/>) when the request does not say.</summary>
    [Range(1, 1000)]
    public int NumCandidatesFactor { get; set; } = 10;

    /// <summary>Lower bound of a computed num_candidates.</summary>
    [Range(1, 10_000)]
    public int MinNumCandidates { get; set; } = 100;

    /// <summary>Upper bound of num_candidates (Elasticsearch refuses more than 10,000).</summary>
    [Range(1, 10_000)]
    public int MaxNumCandidates { get; set; } = 10_000;

    /// <summary>k of an OpenSearch <c>neural</c> clause that does not give one (OpenSearch's default).</summary>
    [Range(1, 10_000)]
    public int DefaultNeuralK { get; set; } = 10;

    /// <summary>Largest decoded image accepted in <c>query_image</c> (HTTP 413 above).</summary>
    [Range(1, int.MaxValue)]
    public int MaxImageBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Largest <c>_search</c>/<c>_msearch</c> body that is buffered to look for text or images (HTTP 413 above).</summary>
    [Range(1024, int.MaxValue)]
    public int MaxBodyBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>The index that <c>{"photo_id": ...}</c> reads stored photo vectors from (the host sets it from <c>Indices:Photos</c>).</summary>
    [Required]
    public string PhotoIndex { get; set; } = "photos";

    /// <summary>The mode of an image query that does not name one.</summary>
    public ImageQueryMode DefaultImageMode { get; set; } = ImageQueryMode.Similar;

    /// <summary>Vector field per index or alias name, for indices with several dense_vector fields (the host adds the
    /// photos and catalog fields of its <c>Indices</c> section unless this names them).</summary>
    public Dictionary<string, string> VectorFields { get; set; } = new(StringComparer.Ordinal);
}
