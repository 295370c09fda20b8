using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary><c>serial_diff</c>: each histogram bucket's metric minus the metric <c>lag</c> buckets before (default 1).</summary>
internal sealed class SerialDiffAggregation : ParentPipelineAggregation
{
    private readonly int _lag = 1;

    public SerialDiffAggregation(string name, JsonObject options)
        : base(name, "serial_diff", options)
    {
        if (options["lag"] is { } lag)
        {
            _lag = JsonValues.ToInt(lag, "lag");
            if (_lag <= 0)
            {
                throw StoreException.IllegalArgument("[lag] must be a positive integer: [" + name + "]");
            }
        }
    }

    public override string TypedName(AggDocs docs) => "simple_value";

    public override List<JsonObject> Apply(List<JsonObject> buckets, bool typedKeys)
    {
        var window = new Queue<double>();
        foreach (var bucket in buckets)
        {
            var value = Path.Resolve(bucket, Gap, Containing) ?? double.NaN;
            var lagged = window.Count == _lag ? window.Peek() : double.NaN;
            if (!double.IsNaN(value) && !double.IsNaN(lagged))
            {
                var result = new JsonObject();
                PipelineFormat.Set(result, "value", value - lagged, Format);
                Attach(bucket, result, typedKeys);
            }

            if (window.Count == _lag)
            {
                window.Dequeue();
            }

            window.Enqueue(value);
        }

        return buckets;
    }
}
