namespace Gateway.EmbeddedStore.Scripting;

/// <summary>A read-only object a context hands to scripts (doc values, <c>doc</c>, dates, map entries): its members, methods and <c>[]</c>.</summary>
internal interface IScriptObject
{
    /// <summary>Painless's short type name, for <c>dynamic method [Type, name/arity] not found</c>.</summary>
    string TypeName { get; }

    /// <summary>Calls a method; null when there is no such method (the caller reports it).</summary>
    bool TryCall(string name, IReadOnlyList<object?> arguments, out object? result);

    /// <summary><c>target[key]</c>.</summary>
    object? Index(object? key);
}
