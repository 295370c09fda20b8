namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>An entry of <c>fields</c> or <c>docvalue_fields</c>: a field pattern and an optional format.</summary>
internal sealed record FieldAndFormat(string Field, string? Format);
