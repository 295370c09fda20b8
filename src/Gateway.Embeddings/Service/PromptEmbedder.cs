using Gateway.Embeddings.Vectors;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Service;

/// <summary>
/// Peak prototypes and text query vectors as DESIGN.md defines them: a prompt ensemble (templates × names),
/// minus the weighted anti-concept vector, normalised; for peaks optionally blended with reference photo
/// vectors. The prompts of one call go through the text tower in one forward.
/// </summary>
public sealed class PromptEmbedder(IEmbeddingService embeddings, IOptions<PromptOptions> options)
{
    private readonly PromptOptions _options = options.Value;

    // The anti-concept's vector for the model that computed it (the status detail names model, export and folder).
    private (string Model, float[] Vector)? _anti;

    /// <summary>The options in effect (templates, weights, SigLIP logit scale and bias).</summary>
    public PromptOptions Options => _options;

    /// <summary>A peak's <c>text_embed</c>: prompts over all <paramref name="names"/>, minus the anti-concept, blended with
    /// the mean of <paramref name="referenceImageVectors"/> (0.55 / 0.45 by default) when there are any.</summary>
    public async Task<EmbeddingResult<float[]>> EmbedPeakAsync(IReadOnlyList<string> names, IReadOnlyList<float[]>? referenceImageVectors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            throw new ArgumentException("a peak needs at least one name", nameof(names));
        }

        var text = await EnsembleAsync(names, _options.EffectivePeakTemplates, cancellationToken).ConfigureAwait(false);
        return text.Map(t => PrototypeMath.Blend(t, referenceImageVectors, _options.TextWeight, _options.ImageWeight));
    }

    /// <summary>A free-text query's vector: query templates around <paramref name="query"/>, minus the anti-concept.</summary>
    public Task<EmbeddingResult<float[]>> EmbedQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return EnsembleAsync([query], _options.EffectiveQueryTemplates, cancellationToken);
    }

    /// <summary>The SigLIP match probability for a cosine similarity, with the configured logit scale and bias.</summary>
    public double Score(double cosine) => VectorMath.SiglipScore(cosine, _options.LogitScale, _options.LogitBias);

    /// <summary>Every prompt in one forward of the text tower (one batch); the anti-concept joins that batch only the first
    /// time for a loaded model, then comes from <see cref="_anti"/>.</summary>
    private async Task<EmbeddingResult<float[]>> EnsembleAsync(IReadOnlyList<string> names, IReadOnlyList<string> templates, CancellationToken cancellationToken)
    {
        var prompts = PrototypeMath.ExpandPrompts(names, templates);
        var useAnti = _options.AntiConceptWeight > 0 && !string.IsNullOrWhiteSpace(_options.AntiConcept);
        var model = embeddings.Status.Detail;
        var anti = useAnti && _anti is { } known && known.Model == model ? known.Vector : null;
        var withAnti = useAnti && anti is null;
        var result = await embeddings.EmbedTextsAsync(withAnti ? [.. prompts, _options.AntiConcept] : prompts, cancellationToken).ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            return failure;
        }

        var vectors = result.Value;
        if (withAnti)
        {
            anti = vectors[^1];
            vectors = vectors[..^1];
            _anti = (model, anti);
        }

        return PrototypeMath.TextPrototype(vectors, anti ?? [], _options.AntiConceptWeight);
    }
}
