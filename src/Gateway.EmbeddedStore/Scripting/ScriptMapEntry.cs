namespace Gateway.EmbeddedStore.Scripting;

/// <summary>A <c>Map.Entry</c> of <c>entrySet()</c>: <c>getKey()</c>, <c>getValue()</c> (and <c>.key</c>, <c>.value</c>).</summary>
internal sealed record ScriptMapEntry(object Key, object? Value) : IScriptObject
{
    public string TypeName => "Map.Entry";

    public bool TryCall(string name, IReadOnlyList<object?> arguments, out object? result)
    {
        result = name switch
        {
            "getKey" => Key,
            "getValue" => Value,
            "toString" => ScriptText.Of(Key) + "=" + ScriptText.Of(Value),
            _ => null,
        };
        return arguments.Count == 0 && name is "getKey" or "getValue" or "toString";
    }

    public object? Index(object? key) => throw ScriptException.IllegalArgument("Attempting to address a non-array-like type [Map.Entry] as an array.");
}
