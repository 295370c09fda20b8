using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>sampler</c> and <c>diversified_sampler</c>: one bucket of each index's best-scoring documents,
/// <c>shard_size</c> (100) of them (ties in document order), which the sub-aggregations see; the diversified one keeps
/// at most <c>max_docs_per_value</c> (1) documents per value of <c>field</c> (documents without it are not sampled).
/// <c>execution_hint</c> has no effect here.
/// </summary>
internal sealed class SamplerAggregation : Aggregation
{
    private readonly string _type;
    private readonly int _shardSize;
    private readonly string? _field;
    private readonly int _maxDocsPerValue;

    public SamplerAggregation(string name, string type, JsonObject options)
        : base(name)
    {
        _type = type;
        _shardSize = options["shard_size"] is { } s ? JsonValues.ToInt(s, "shard_size") : 100;
        if (_shardSize < 0)
        {
            throw StoreException.IllegalArgument("[shardSize] must be greater than or equal to 0. Found [" + _shardSize + "] in [" + name + "]");
        }

        if (type == "diversified_sampler")
        {
            _field = AggField.Require(options, type);
            _maxDocsPerValue = options["max_docs_per_value"] is { } m ? JsonValues.ToInt(m, "max_docs_per_value") : 1;
            if (_maxDocsPerValue < 1)
            {
                throw StoreException.IllegalArgument("[maxDocsPerValue] must be greater than 0. Found [" + _maxDocsPerValue + "] in [" + name + "]");
            }
        }
    }

    public override string TypedName(AggDocs docs) => "sampler";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        if (_field is not null)
        {
            AggField.Resolve(docs, _field);
        }

        var parts = new List<(ShardOutcome, Index.DocBits)>(docs.Parts.Count);
        foreach (var (outcome, bits) in docs.Parts)
        {
            var sample = new Index.DocBits(bits.Length);
            var perValue = new Dictionary<string, int>(StringComparer.Ordinal);
            var taken = 0;
            foreach (var ord in bits.Ordinals().OrderByDescending(outcome.Score).ThenBy(o => o))
            {
                if (taken == _shardSize)
                {
                    break;
                }

                if (_field is not null && !Diverse(outcome.Context, ord, perValue))
                {
                    continue;
                }

                sample.Set(ord);
                taken++;
            }

            parts.Add((outcome, sample));
        }

        var sampled = new AggDocs(parts);
        var result = new JsonObject { ["doc_count"] = sampled.Count };
        AddSubAggregations(result, sampled, typedKeys);
        return result;
    }

    // Whether the document's value still has room; its values are counted when it does.
    private bool Diverse(SearchContext context, int ord, Dictionary<string, int> perValue)
    {
        context.Snapshot.Doc(ord).Fields.TryGetValue(_field!, out var values);
        var keys = values?.Keywords is not null
            ? AggField.Strings(values).ToList()
            : AggField.Numbers(values).Select(n => n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (keys.Count == 0 || keys.Exists(k => perValue.GetValueOrDefault(k) >= _maxDocsPerValue))
        {
            return false;
        }

        foreach (var key in keys)
        {
            perValue[key] = perValue.GetValueOrDefault(key) + 1;
        }

        return true;
    }
}
