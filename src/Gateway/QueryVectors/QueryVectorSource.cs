using Gateway.Embeddings;
using Gateway.Embeddings.Service;
using Gateway.Embeddings.Vectors;
using Gateway.Errors;
using Gateway.Photos.Exif;
using Gateway.Rewrite;
using Microsoft.Extensions.Options;

namespace Gateway.QueryVectors;

/// <summary>
/// The host's <see cref="IQueryVectorSource"/>: text that is a catalog peak's name → its prototype; text with a
/// peak name among other words → the prototype blended with the text's own ensemble (<see cref="CatalogQueryOptions.PeakNameWeight"/>);
/// other text → the query prompt ensemble minus the anti-concept; images (uploaded or stored) → identified against the catalog,
/// then the image vector (<c>similar</c>), the top peak's prototype (<c>same_peak</c>) or their blend.
/// </summary>
internal sealed class QueryVectorSource(
    IEmbeddingService embeddings,
    PromptEmbedder prompts,
    PeakCatalog catalog,
    PeakIdentifier identifier,
    PhotoVectorReader photos,
    IOptions<CatalogQueryOptions> options,
    TimeProvider time) : IQueryVectorSource
{
    public async ValueTask<QueryVectorResult> FromTextAsync(string text, CancellationToken cancellationToken)
    {
        var match = await catalog.MatchNameAsync(text, cancellationToken).ConfigureAwait(false);
        if (match is { IsWholeText: true })
        {
            return new QueryVector(match.Peak.Vector, "peak_prototype", match.Peak.Id, [], 0) { MatchedName = match.Name };
        }

        var started = time.GetTimestamp();
        var embedded = await prompts.EmbedQueryAsync(text, cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
        if (embedded.Failure is { } failure)
        {
            return GatewayError.From(failure).Error;
        }

        var vector = embedded.Value;
        if (match is null)
        {
            return new QueryVector(vector, "prompt_ensemble", null, [], elapsed);
        }

        var weight = options.Value.PeakNameWeight;
        return new QueryVector(VectorMath.Blend(match.Peak.Vector, vector, weight), "text_with_peak", match.Peak.Id, [], elapsed)
        {
            MatchedName = match.Name,
            PeakWeight = weight,
        };
    }

    public async ValueTask<QueryVectorResult> FromImageAsync(ReadOnlyMemory<byte> image, ImageQueryMode mode, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var embedded = await embeddings.EmbedImageAsync(image, "query_image", cancellationToken: cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
        if (embedded.Failure is { } failure)
        {
            return GatewayError.From(failure).Error;
        }

        return await WithModeAsync(embedded.Value, UploadMetadata.Read(image), "image", elapsed, mode, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<QueryVectorResult> FromPhotoAsync(string photoId, string index, ImageQueryMode mode, CancellationToken cancellationToken)
    {
        var read = await photos.ReadAsync(index, photoId, cancellationToken).ConfigureAwait(false);
        if (!read.IsFound)
        {
            return read.Error;
        }

        return await WithModeAsync(read.Vector, read.Metadata, "photo", 0, mode, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> IsCatalogPeakAsync(string id, CancellationToken cancellationToken) =>
        await catalog.FindByIdAsync(id, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Identifies the peak (with the geometry of <paramref name="metadata"/>), then picks the vector the mode asks
    /// for. When the answer is unknown, same_peak and blend fall back to the image vector (the source says so).</summary>
    private async Task<QueryVector> WithModeAsync(float[] image, PhotoMetadata? metadata, string source, double elapsed, ImageQueryMode mode, CancellationToken cancellationToken)
    {
        var identification = await identifier.IdentifyAsync(image, metadata, null, cancellationToken).ConfigureAwait(false);
        var peaks = identification.Peaks;
        if (mode == ImageQueryMode.Similar || identification.PeakId is not { } peakId
            || await catalog.FindByIdAsync(peakId, cancellationToken).ConfigureAwait(false) is not { } top)
        {
            return new QueryVector(image, source, null, peaks, elapsed) { Identification = identification };
        }

        if (mode == ImageQueryMode.SamePeak)
        {
            return new QueryVector(top.Vector, "peak_prototype", top.Id, peaks, elapsed) { Identification = identification };
        }

        return new QueryVector(VectorMath.Blend(image, top.Vector, options.Value.BlendImageWeight), "blend", top.Id, peaks, elapsed) { Identification = identification };
    }
}
