using System.Collections;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// <c>doc['field']</c>: one field's doc values, sorted as Lucene keeps them (numbers ascending, keywords unique and
/// ordered), with Painless's <c>value</c>, <c>values</c>, <c>size()</c>, <c>empty</c>, <c>get(i)</c> and <c>[i]</c>.
/// A <c>dense_vector</c> field also answers <c>vectorValue</c>, <c>magnitude</c> and <c>dims</c>.
/// </summary>
internal sealed class ScriptDocValues : IScriptObject, IEnumerable<object?>
{
    private readonly IReadOnlyList<object?> _values;
    private readonly float[]? _vector;

    public ScriptDocValues(string field, IReadOnlyList<object?> values, float[]? vector = null)
    {
        Field = field;
        _values = values;
        _vector = vector;
    }

    public string Field { get; }

    public string TypeName => "org.elasticsearch.index.fielddata.ScriptDocValues";

    /// <summary>The document's vector of a dense_vector field, when it has one.</summary>
    public float[]? Vector => _vector;

    public bool TryCall(string name, IReadOnlyList<object?> arguments, out object? result)
    {
        result = (name, arguments.Count) switch
        {
            ("getValue", 0) => _vector is not null ? VectorList() : First(),
            ("get", 1) => Index(arguments[0]),
            ("size" or "getLength", 0) => _vector is not null ? 1 : _values.Count,
            ("isEmpty", 0) => _vector is null && _values.Count == 0,
            ("getValues", 0) => new ScriptList(_values),
            ("contains", 1) => _values.Any(v => ScriptOperators.StrictEquals(v, arguments[0])),
            ("getVectorValue", 0) => VectorList(),
            ("getMagnitude", 0) => _vector is { } v ? Magnitude(v) : throw NoVector(),
            ("getDims", 0) => _vector?.Length ?? throw NoVector(),
            ("getDate", 0) => First() is ScriptDate date ? date : throw ScriptException.IllegalArgument("[date] is only available on date fields"),
            ("getDates", 0) => new ScriptList(_values),
            _ => Missing,
        };
        return !ReferenceEquals(result, Missing);
    }

    public object? Index(object? key)
    {
        var position = ScriptMethods.Int(key);
        return position >= 0 && position < _values.Count
            ? _values[position]
            : throw ScriptException.Runtime("index_out_of_bounds_exception", "Index " + position + " out of bounds for length " + _values.Count);
    }

    public IEnumerator<object?> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The float magnitude of a vector, as Elasticsearch computes it for scripts.</summary>
    public static double Magnitude(float[] vector)
    {
        var sum = 0f;
        foreach (var value in vector)
        {
            sum += value * value;
        }

        return (float)Math.Sqrt(sum);
    }

    private object? First() => _values.Count > 0
        ? _values[0]
        : throw ScriptException.Runtime("illegal_state_exception",
            "A document doesn't have a value for a field! Use doc[<field>].size()==0 to check if a document is missing a field!");

    private ScriptList VectorList() => _vector is { } v ? new ScriptList(v.Select(x => (object?)x)) : throw NoVector();

    private static ScriptException NoVector() => ScriptException.IllegalArgument("A document doesn't have a value for a vector field!");

    private static readonly object Missing = new();
}
