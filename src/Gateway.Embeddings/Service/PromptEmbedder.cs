using Gateway.Embeddings.Vectors;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Service;

/// <summary>
/// Peak prototypes and text query vectors as DESIGN.md defines them: a prompt ensemble (templates × names),
/// minus the weighted anti-concept vector, normalised; for peaks optionally blended with reference photo
/// vectors. The prompts of one call are submitted together, so the service batches them.
/// </summary>
public sealed class PromptEmbedder(IEmbeddingService embeddings, IOptions<PromptOptions> options)
{
    private readonly PromptOptions _options = options.Value;

    /// <summary>The options in effect (templates, weights, SigLIP logit scale and bias).</summary>
    public PromptOptions Options => _options;

    /// <summary>A peak's <c>text_embed</c>: prompts over all <paramref name="names"/>, minus the anti-concept, blended with
    /// the mean of <paramref name="referenceImageVectors"/> (0.55 / 0.45 by default) when there are any.</summary>
    public async Task<float[]> EmbedPeakAsync(IReadOnlyList<string> names, IReadOnlyList<float[]>? referenceImageVectors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            throw new ArgumentException("a peak needs at least one name", nameof(names));
        }

        var text = await EnsembleAsync(names, _options.EffectivePeakTemplates, cancellationToken).ConfigureAwait(false);
        return PrototypeMath.Blend(text, referenceImageVectors, _options.TextWeight, _options.ImageWeight);
    }

    /// <summary>A free-text query's vector: query templates around <paramref name="query"/>, minus the anti-concept.</summary>
    public Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return EnsembleAsync([query], _options.EffectiveQueryTemplates, cancellationToken);
    }

    /// <summary>The SigLIP match probability for a cosine similarity, with the configured logit scale and bias.</summary>
    public double Score(double cosine) => VectorMath.SiglipScore(cosine, _options.LogitScale, _options.LogitBias);

    private async Task<float[]> EnsembleAsync(IReadOnlyList<string> names, IReadOnlyList<string> templates, CancellationToken cancellationToken)
    {
        var prompts = PrototypeMath.ExpandPrompts(names, templates);
        var useAnti = _options.AntiConceptWeight > 0 && !string.IsNullOrWhiteSpace(_options.AntiConcept);
        var tasks = prompts.Select(p => embeddings.EmbedTextAsync(p, cancellationToken).AsTask()).ToList();
        var anti = useAnti ? embeddings.EmbedTextAsync(_options.AntiConcept, cancellationToken).AsTask() : null;
        var vectors = await Task.WhenAll(tasks).ConfigureAwait(false);
        var antiVector = anti is null ? [] : await anti.ConfigureAwait(false);
        return PrototypeMath.TextPrototype(vectors, antiVector, _options.AntiConceptWeight);
    }
}
