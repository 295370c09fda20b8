using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>A clause with a <c>_name</c>: its name, the key its result is kept under, and the clause (null for a kNN section, whose result is recorded when it runs).</summary>
internal sealed record NamedQuery(string Name, object Key, QueryNode? Query);
