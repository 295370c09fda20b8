namespace Gateway.Albums;

/// <summary>Why an album change was refused, in Elasticsearch's error terms.</summary>
/// <param name="Status">HTTP status: 400 bad input, 404 unknown album, 409 name taken or album busy.</param>
/// <param name="Type">Elasticsearch error type.</param>
/// <param name="Reason">What to fix.</param>
internal sealed record AlbumError(int Status, string Type, string Reason)
{
    /// <summary>A 400 <c>illegal_argument_exception</c>.</summary>
    public static AlbumError BadRequest(string reason) => new(400, "illegal_argument_exception", reason);

    /// <summary>A 404 <c>resource_not_found_exception</c>.</summary>
    public static AlbumError NotFound(string name) => new(404, "resource_not_found_exception", $"album [{name}] does not exist");
}
