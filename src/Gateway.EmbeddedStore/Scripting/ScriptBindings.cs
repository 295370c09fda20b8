namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// What a context gives a script: its variables (<c>params</c>, <c>ctx</c>, <c>doc</c>, <c>_score</c>, ...) and
/// functions (<c>cosineSimilarity</c>, <c>saturation</c>, ...). Names not bound here are unknown to the script.
/// </summary>
internal sealed class ScriptBindings
{
    public Dictionary<string, object?> Variables { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Func<IReadOnlyList<object?>, object?>> Functions { get; } = new(StringComparer.Ordinal);
}
