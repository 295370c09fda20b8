using System.Collections.Frozen;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// An immutable snapshot of one index's mapping: every field by full dotted path.
/// A mapping change (explicit or dynamic) produces a new instance.
/// </summary>
internal sealed class IndexMapping
{
    private readonly FrozenDictionary<string, FieldMapping> _fields;

    public IndexMapping(IEnumerable<FieldMapping> fields)
    {
        _fields = fields.ToFrozenDictionary(f => f.Path, StringComparer.Ordinal);
    }

    public static IndexMapping Empty { get; } = new([]);

    public IReadOnlyCollection<FieldMapping> Fields => _fields.Values;

    /// <summary>The <c>_source</c> mapping (enabled, includes, excludes): what the index hands out as a document's source.</summary>
    public SourceField Source { get; init; } = SourceField.Default;

    public bool TryGetField(string path, out FieldMapping field) => _fields.TryGetValue(path, out field!);

    public FieldMapping? Find(string path) => _fields.GetValueOrDefault(path);
}
