using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// A document source parsed ahead of its write (in parallel, inside one bulk request): the copy
/// the store keeps, the index and mapping it was parsed against, and the result or the error.
/// <see cref="DocumentStore"/> re-parses when the mapping has changed since, so the outcome is
/// the same as parsing at the write's turn.
/// </summary>
internal sealed class PreparedSource
{
    public required IndexState Index { get; init; }

    public required MappingState Mapping { get; init; }

    public required byte[] Source { get; init; }

    public DocumentParser.Result? Result { get; init; }

    public StoreException? Error { get; init; }
}
