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

    /// <summary>Field aliases (<c>type: alias</c>): alias path → target path. Lookups by an alias find its target.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    public bool TryGetField(string path, out FieldMapping field) => (field = Find(path)!) is not null;

    public FieldMapping? Find(string path) =>
        _fields.GetValueOrDefault(path) ?? (Aliases.Count > 0 && Aliases.TryGetValue(path, out var target) ? _fields.GetValueOrDefault(target) : null);

    /// <summary>Whether <paramref name="path"/> is a field alias.</summary>
    public bool IsAlias(string path) => Aliases.Count > 0 && Aliases.ContainsKey(path);
}
