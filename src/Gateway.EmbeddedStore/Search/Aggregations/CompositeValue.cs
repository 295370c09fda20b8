namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>One position of a composite key: a string (keyword, ip) or a number (numeric, date, boolean, histogram key).</summary>
internal readonly record struct CompositeValue(string? Text, double Number);
