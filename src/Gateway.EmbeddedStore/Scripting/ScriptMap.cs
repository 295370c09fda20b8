using System.Collections;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// A Painless <c>Map</c> keeping insertion order (as the <c>LinkedHashMap</c>s of a parsed <c>_source</c> do): JSON
/// objects, map initializers, <c>new HashMap()</c> and the <c>ctx</c> of update scripts, whose metadata keys are
/// checked on every write by <see cref="Guard"/> (Elasticsearch's <c>Metadata</c> validation).
/// </summary>
internal sealed class ScriptMap : IEnumerable<KeyValuePair<object, object?>>
{
    private readonly OrderedDictionary<object, object?> _entries = [];

    /// <summary>Checks a write (key, value) and returns the reason it is refused, or null; called before the write.</summary>
    public Func<object, object?, string?>? Guard { get; init; }

    public int Count => _entries.Count;

    public IEnumerable<object> Keys => _entries.Keys;

    public IEnumerable<object?> Values => _entries.Values;

    public object? Get(object? key) => key is not null && _entries.TryGetValue(key, out var value) ? value : null;

    public bool ContainsKey(object? key) => key is not null && _entries.ContainsKey(key);

    public bool TryGet(object key, out object? value) => _entries.TryGetValue(key, out value);

    /// <summary>Java's <c>put</c>: sets the value and answers the previous one.</summary>
    public object? Put(object? key, object? value)
    {
        if (key is null)
        {
            throw ScriptException.NullPointer("Cannot put a null key into a map.");
        }

        if (Guard?.Invoke(key, value) is { } refused)
        {
            throw ScriptException.IllegalArgument(refused);
        }

        _entries.TryGetValue(key, out var previous);
        _entries[key] = value;
        return previous;
    }

    /// <summary>Sets a value without the guard (the context's own metadata).</summary>
    public void Init(object key, object? value) => _entries[key] = value;

    public object? Remove(object? key)
    {
        if (key is null || !_entries.TryGetValue(key, out var previous))
        {
            return null;
        }

        if (Guard?.Invoke(key, null) is { } refused)
        {
            throw ScriptException.IllegalArgument(refused);
        }

        _entries.Remove(key);
        return previous;
    }

    public void Clear() => _entries.Clear();

    public IEnumerator<KeyValuePair<object, object?>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
