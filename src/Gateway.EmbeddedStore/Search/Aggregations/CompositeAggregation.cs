using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>composite</c>: buckets keyed by the combination of its sources' values (every combination of a multi-valued
/// document), sorted by source after source, <c>size</c> at a time after the <c>after</c> key, with the last key as
/// <c>after_key</c> to page on. Only at the top level or below <c>nested</c>, as Elasticsearch allows.
/// </summary>
internal sealed class CompositeAggregation : Aggregation
{
    private const int MaxBuckets = 65_536;

    private readonly List<CompositeSource> _sources = [];
    private readonly int _size;
    private readonly JsonObject? _after;

    public CompositeAggregation(string name, JsonObject options)
        : base(name)
    {
        foreach (var (key, _) in options)
        {
            if (key is not ("sources" or "size" or "after"))
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[composite] unknown field [" + key + "]");
            }
        }

        if (options["sources"] is not JsonArray sources)
        {
            throw StoreException.BadRequest("x_content_parse_exception", "Required [sources]");
        }

        if (sources.Count == 0)
        {
            throw StoreException.IllegalArgument("Composite [sources] cannot be null or empty");
        }

        foreach (var source in sources)
        {
            if (source is not JsonObject { Count: 1 } one || one.First().Value is not JsonObject { Count: 1 } typed || typed.First().Value is not JsonObject sourceOptions)
            {
                throw StoreException.Parsing("[composite] each source must be an object with one named source of one type");
            }

            _sources.Add(new CompositeSource(one.First().Key, typed.First().Key, sourceOptions));
        }

        var duplicates = _sources.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw StoreException.IllegalArgument("Composite source names must be unique, found duplicates: [" + string.Join(", ", duplicates) + "]");
        }

        _size = options["size"] is { } size ? JsonValues.ToInt(size, "size") : 10;
        if (_size <= 0)
        {
            throw StoreException.IllegalArgument("[size] must be greater than 0. Found [" + _size + "] in [" + name + "]");
        }

        if (options["after"] is { } after)
        {
            _after = after as JsonObject ?? throw StoreException.Parsing("[after] must be an object");
            if (_after.Count != _sources.Count)
            {
                throw StoreException.IllegalArgument("[after] has " + _after.Count + " value(s) but [sources] has " + _sources.Count);
            }
        }
    }

    public override string TypedName(AggDocs docs) => "composite";

    /// <summary>Refuses a parent other than nested / reverse_nested, with Elasticsearch's message.</summary>
    public void ValidateParent(Aggregation? parent)
    {
        if (parent is not null && parent.TypedName(new AggDocs([])) is not ("nested" or "reverse_nested"))
        {
            throw StoreException.IllegalArgument("[composite] aggregation cannot be used with a parent aggregation of type: [" + parent.GetType().Name + "]");
        }
    }

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        if (_size > MaxBuckets)
        {
            throw SearchErrors.AllShardsFailed(new StoreException(400, "too_many_buckets_exception",
                "Trying to create too many buckets. Must be less than or equal to: [" + MaxBuckets + "] but was [" + _size + "]. This limit can be set by changing the [search.max_buckets] cluster level setting."));
        }

        foreach (var source in _sources)
        {
            source.Bind(docs);
        }

        CompositeValue?[]? after = null;
        if (_after is not null)
        {
            after = new CompositeValue?[_sources.Count];
            for (var i = 0; i < _sources.Count; i++)
            {
                if (!_after.TryGetPropertyValue(_sources[i].Name, out var value))
                {
                    throw StoreException.IllegalArgument("Missing value for source [" + _sources[i].Name + "] in [after]");
                }

                after[i] = _sources[i].ParseAfter(value);
            }
        }

        var buckets = new Dictionary<string, (CompositeValue?[] Key, Dictionary<ShardOutcome, List<int>> Docs)>(StringComparer.Ordinal);
        foreach (var (outcome, bits) in docs.Parts)
        {
            var snapshot = outcome.Context.Snapshot;
            foreach (var ord in bits.Ordinals())
            {
                var fields = snapshot.Doc(ord).Fields;
                foreach (var key in Combinations(fields))
                {
                    if (after is not null && Compare(key, after) <= 0)
                    {
                        continue;
                    }

                    var id = string.Join('\u0001', key.Select(k => k is { } v ? (v.Text is null ? "n" + v.Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "s" + v.Text) : "-"));
                    if (!buckets.TryGetValue(id, out var bucket))
                    {
                        bucket = (key, []);
                        buckets[id] = bucket;
                    }

                    if (!bucket.Docs.TryGetValue(outcome, out var list))
                    {
                        list = [];
                        bucket.Docs[outcome] = list;
                    }

                    if (list.Count == 0 || list[^1] != ord)
                    {
                        list.Add(ord);
                    }
                }
            }
        }

        var page = buckets.Values.OrderBy(b => b.Key, Comparer<CompositeValue?[]>.Create(Compare)).Take(_size).ToList();
        var array = new JsonArray();
        foreach (var (key, members) in page)
        {
            var bucket = new JsonObject
            {
                ["key"] = RenderKey(key),
                ["doc_count"] = members.Values.Sum(l => l.Count),
            };
            AddSubAggregations(bucket, AggDocs.FromOrdinals(docs.Parts, members), typedKeys);
            array.Add(bucket);
        }

        var result = new JsonObject();
        if (page.Count > 0)
        {
            result["after_key"] = RenderKey(page[^1].Key);
        }

        result["buckets"] = array;
        return result;
    }

    private JsonObject RenderKey(CompositeValue?[] key)
    {
        var rendered = new JsonObject();
        for (var i = 0; i < _sources.Count; i++)
        {
            rendered[_sources[i].Name] = _sources[i].Render(key[i]);
        }

        return rendered;
    }

    private int Compare(CompositeValue?[] a, CompositeValue?[] b)
    {
        for (var i = 0; i < _sources.Count; i++)
        {
            var c = _sources[i].Compare(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    // Every combination of the sources' keys for one document; a source without a value gives the missing bucket's
    // null key when missing_bucket is set, else the document has no combination.
    private IEnumerable<CompositeValue?[]> Combinations(IReadOnlyDictionary<string, Documents.FieldValues> fields)
    {
        IEnumerable<CompositeValue?[]> result = [[]];
        foreach (var source in _sources)
        {
            fields.TryGetValue(source.Field, out var values);
            List<CompositeValue?> keys = [.. source.Keys(values).Select(k => (CompositeValue?)k)];
            if (keys.Count == 0)
            {
                if (!source.MissingBucket)
                {
                    return [];
                }

                keys.Add(null);
            }

            result = result.SelectMany(prefix => keys.Select(k => (CompositeValue?[])[.. prefix, k])).ToList();
        }

        return result;
    }
}
