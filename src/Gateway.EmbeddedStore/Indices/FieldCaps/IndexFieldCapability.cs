namespace Gateway.EmbeddedStore.Indices.FieldCaps;

/// <summary>What one index says about one field: its type (family), whether it is a metadata field, searchable, aggregatable, and its <c>meta</c>.</summary>
internal sealed record IndexFieldCapability(string Name, string Type, bool IsMetadata, bool Searchable, bool Aggregatable, IReadOnlyDictionary<string, string> Meta);
