namespace Gateway.Rewrite;

/// <summary>State of rewriting one search body: its index, its dependencies and what it produced.</summary>
internal sealed class RewriteContext(
    IQueryVectorSource vectors,
    IVectorFieldResolver fields,
    RewriteOptions options,
    string? indexExpression,
    CancellationToken cancellationToken)
{
    private VectorFields? _fields;
    private bool _fieldsResolved;

    public RewriteOptions Options { get; } = options;

    /// <summary>The vector source, also the catalog look-up of <c>peak_in_frame</c> ids.</summary>
    public IQueryVectorSource Vectors { get; } = vectors;

    public string? IndexExpression { get; } = indexExpression;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public GatewayAnnotation Annotation { get; } = new();

    /// <summary>The forms met, for telemetry (shared by the searches of one <c>_msearch</c>).</summary>
    public RewriteForms Forms { get; init; } = new();

    /// <summary>Embeds text or an image and records the vector for the response's <c>_gateway</c> object.</summary>
    /// <param name="text">The query text, or null for an image.</param>
    /// <param name="image">The query image, or null for text.</param>
    /// <param name="clause">The clause that carried it (<c>knn</c>, <c>shorthand</c>, <c>neural</c>), for telemetry.</param>
    public async ValueTask<float[]> VectorForAsync(string? text, ImageQuery? image, string clause)
    {
        Forms.Add(text, image, clause);
        QueryVectorResult result;
        if (text is not null)
        {
            result = await Vectors.FromTextAsync(text, CancellationToken).ConfigureAwait(false);
        }
        else if (image!.PhotoId is not null)
        {
            result = await Vectors.FromPhotoAsync(image.PhotoId, image.PhotoIndex, image.Mode, CancellationToken).ConfigureAwait(false);
        }
        else
        {
            result = await Vectors.FromImageAsync(image.Image, image.Mode, CancellationToken).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            // Stops the walk of the body; SearchRewriter answers it as RewriteResult.Error.
            throw new RewriteException(result.Error);
        }

        Annotation.Add(result.Vector);
        return result.Vector.Vector;
    }

    /// <summary>The field a query without one targets; a 400 when the index has no single vector field.</summary>
    public async ValueTask<string> DefaultFieldAsync(string clause)
    {
        if (IndexExpression is null)
        {
            throw RewriteException.BadRequest($"[{clause}] without a [field] needs an index in the request path to find the vector field");
        }

        var fields = await FieldsAsync().ConfigureAwait(false);
        if (fields?.Default is { } field)
        {
            return field;
        }

        if (fields?.MissingIndex is { } missing)
        {
            // As Elasticsearch answers a search of an index that does not exist (say, photos before any album is indexed).
            throw new RewriteException(404, "index_not_found_exception", $"no such index [{missing}]");
        }

        throw RewriteException.BadRequest(fields is null || fields.All.Count == 0
            ? $"unknown vector field: no dense_vector field found in [{IndexExpression}]"
            : $"unknown vector field: [{IndexExpression}] has several dense_vector fields [{string.Join(", ", fields.All)}]; name one with [field]");
    }

    /// <summary>Refuses a named field that the index's mapping does not have as a dense_vector.</summary>
    public async ValueTask ValidateFieldAsync(string field)
    {
        if (IndexExpression is null)
        {
            return;
        }

        var fields = await FieldsAsync().ConfigureAwait(false);
        if (fields is not null && !fields.All.Contains(field, StringComparer.Ordinal))
        {
            throw RewriteException.BadRequest(fields.All.Count == 0
                ? $"unknown vector field [{field}]: [{IndexExpression}] has no dense_vector field"
                : $"unknown vector field [{field}] in [{IndexExpression}]; dense_vector fields: [{string.Join(", ", fields.All)}]");
        }
    }

    private async ValueTask<VectorFields?> FieldsAsync()
    {
        if (!_fieldsResolved)
        {
            _fields = await fields.ResolveAsync(IndexExpression!, CancellationToken).ConfigureAwait(false);
            _fieldsResolved = true;
        }

        return _fields;
    }
}
