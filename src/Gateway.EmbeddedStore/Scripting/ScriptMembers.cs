namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// Painless's member and index shortcuts: <c>map.key</c> and <c>map['key']</c> (get/put), <c>list[i]</c> (negative
/// indices count from the end), getter shortcuts (<c>x.empty</c> → <c>isEmpty()</c>, <c>x.value</c> →
/// <c>getValue()</c>) and <c>array.length</c>-style <c>length</c> on lists.
/// </summary>
internal static class ScriptMembers
{
    public static object? Get(object? target, string name)
    {
        switch (target)
        {
            case null:
                throw ScriptException.NullPointer("Cannot access the member [" + name + "] of a null value.");
            case ScriptMap map:
                return map.Get(name);
            case ScriptList list when name == "length":
                return list.Count;
        }

        var getter = "get" + char.ToUpperInvariant(name[0]) + name[1..];
        var isGetter = "is" + char.ToUpperInvariant(name[0]) + name[1..];
        if (ScriptMethods.TryCall(target, getter, [], out var value) || ScriptMethods.TryCall(target, isGetter, [], out value))
        {
            return value;
        }

        throw ScriptException.IllegalArgument("dynamic getter [" + ScriptTypes.JavaName(target) + ", " + name + "] not found");
    }

    public static void Set(object? target, string name, object? value)
    {
        switch (target)
        {
            case null:
                throw ScriptException.NullPointer("Cannot set the member [" + name + "] of a null value.");
            case ScriptMap map:
                map.Put(name, value);
                return;
            default:
                throw ScriptException.IllegalArgument("dynamic setter [" + ScriptTypes.JavaName(target) + ", " + name + "] not found");
        }
    }

    public static object? Index(object? target, object? key) => target switch
    {
        null => throw ScriptException.NullPointer("Cannot index a null value."),
        ScriptMap map => map.Get(key),
        ScriptList list => list[Position(list, key)],
        IScriptObject scripted => scripted.Index(key),
        _ => throw ScriptException.IllegalArgument("Attempting to address a non-array-like type [" + ScriptTypes.JavaName(target) + "] as an array."),
    };

    public static void SetIndex(object? target, object? key, object? value)
    {
        switch (target)
        {
            case null:
                throw ScriptException.NullPointer("Cannot index a null value.");
            case ScriptMap map:
                map.Put(key, value);
                return;
            case ScriptList list:
                list[Position(list, key)] = value;
                return;
            default:
                throw ScriptException.IllegalArgument("Attempting to address a non-array-like type [" + ScriptTypes.JavaName(target) + "] as an array.");
        }
    }

    /// <summary>A list position from an int index; negative ones count from the end, as Painless allows.</summary>
    public static int Position(ScriptList list, object? key)
    {
        var index = key switch
        {
            int i => i,
            long or char => (int)ScriptOperators.AsLong(key),
            null => throw ScriptException.NullPointer("Cannot use a null list index."),
            _ => throw ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(key) + " to int for a list index."),
        };
        var position = index < 0 ? list.Count + index : index;
        return position >= 0 && position < list.Count
            ? position
            : throw ScriptException.Runtime("index_out_of_bounds_exception", "Index " + index + " out of bounds for length " + list.Count);
    }
}
