using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Scripts;

/// <summary>
/// The <c>doc</c> of search scripts over one snapshot: <c>doc['field']</c> reads the current document's indexed values
/// (keywords, numbers, dates, booleans, points, vectors; text has no doc values), <c>doc.containsKey('f')</c> tells a
/// mapped field. An unmapped field is Elasticsearch's <c>No field found for [f] in mapping</c>.
/// </summary>
internal sealed class ScriptDocLookup : IScriptObject
{
    private readonly SearchContext _context;
    private readonly Dictionary<string, ScriptDocValues> _cache = new(StringComparer.Ordinal);

    public ScriptDocLookup(SearchContext context) => _context = context;

    /// <summary>The document ordinal the values are read from; setting it forgets the previous document's values.</summary>
    public int Ord
    {
        get;
        set
        {
            field = value;
            _cache.Clear();
        }
    }

    public string TypeName => "org.elasticsearch.search.lookup.LeafDocLookup";

    public bool TryCall(string name, IReadOnlyList<object?> arguments, out object? result)
    {
        result = (name, arguments.Count) switch
        {
            ("get", 1) => Index(arguments[0]),
            ("containsKey", 1) => arguments[0] is string field && _context.Field(field) is not null,
            _ => Missing,
        };
        return !ReferenceEquals(result, Missing);
    }

    public object? Index(object? key) => Values(key as string ?? throw ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(key) + " to java.lang.String"));

    public ScriptDocValues Values(string field)
    {
        if (_cache.TryGetValue(field, out var cached))
        {
            return cached;
        }

        var mapping = _context.Field(field) ?? throw ScriptException.IllegalArgument("No field found for [" + field + "] in mapping");
        if (mapping.Kind == FieldKind.Text)
        {
            throw ScriptException.IllegalArgument("Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [" + field + "] in order to load field data by uninverting the inverted index. Note that this can use significant memory.");
        }

        _context.Snapshot.Doc(Ord).Fields.TryGetValue(field, out var values);
        var result = values is null ? new ScriptDocValues(field, []) : Read(field, mapping, values);
        _cache[field] = result;
        return result;
    }

    private static ScriptDocValues Read(string field, FieldMapping mapping, FieldValues values)
    {
        if (values.Vector is { } vector)
        {
            return new ScriptDocValues(field, [], vector);
        }

        IReadOnlyList<object?> read = values switch
        {
            { Keywords: { } keywords } => keywords.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(k => (object?)k).ToList(),
            { Longs: { } longs } when mapping.Kind == FieldKind.Date => longs.Order().Select(l => (object?)new ScriptDate(l)).ToList(),
            { Longs: { } longs } when mapping.Kind == FieldKind.Boolean => longs.Order().Select(l => (object?)(l != 0)).ToList(),
            { Longs: { } longs } => longs.Order().Select(l => (object?)l).ToList(),
            { Doubles: { } doubles } => doubles.Order().Select(d => (object?)d).ToList(),
            { Points: { } points } => points.Select(Point).ToList(),
            _ => [],
        };
        return new ScriptDocValues(field, read);
    }

    private static object? Point(GeoPoint point)
    {
        var map = new ScriptMap();
        map.Init("lat", point.Lat);
        map.Init("lon", point.Lon);
        return map;
    }

    private static readonly object Missing = new();
}
