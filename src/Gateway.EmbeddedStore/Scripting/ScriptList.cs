namespace Gateway.EmbeddedStore.Scripting;

/// <summary>A Painless <c>ArrayList</c>: JSON arrays of a source, list initializers and <c>new ArrayList()</c>.</summary>
internal sealed class ScriptList : List<object?>
{
    public ScriptList()
    {
    }

    public ScriptList(IEnumerable<object?> items)
        : base(items)
    {
    }
}
