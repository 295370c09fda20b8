using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search;

/// <summary>
/// Executes Elasticsearch search requests over resolved indices. The REST layer resolves index
/// expressions (lists, wildcards, aliases), then calls this. Errors are thrown as
/// <see cref="Errors.StoreException"/> and rendered by the REST layer.
/// </summary>
internal interface ISearchService
{
    /// <summary>Creates the searchable side of a new index.</summary>
    ISearchShard CreateShard(string indexName, IndexMapping mapping);

    /// <summary>POST/GET _search. <paramref name="parameters"/> are the URL query parameters.</summary>
    JsonObject Search(IReadOnlyList<SearchTarget> targets, JsonObject? body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken);

    /// <summary>POST/GET _count.</summary>
    JsonObject Count(IReadOnlyList<SearchTarget> targets, JsonObject? body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken);
}
