using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>
/// What <c>bucket_script</c> and <c>bucket_selector</c> share: <c>buckets_path</c> as a map of script variables (a
/// single path is the variable <c>_value</c>, an array <c>_value0</c>, <c>_value1</c>, ...), a Painless
/// <c>script</c> that reads them from <c>params</c> beside its own params, in any multi-bucket parent.
/// </summary>
internal abstract class ScriptedBucketPipeline : ParentPipelineAggregation
{
    protected ScriptedBucketPipeline(string name, string type, JsonObject options)
        : base(name, type, options, hasPath: false)
    {
        foreach (var (key, _) in options)
        {
            if (key is not ("buckets_path" or "script" or "gap_policy" or "format"))
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[" + type + "] unknown field [" + key + "]");
            }
        }

        Variables = options["buckets_path"] switch
        {
            JsonObject map => map.Select(p => (p.Key, BucketsPath.Parse(JsonValues.AsString(p.Value) ?? throw StoreException.Parsing("[buckets_path] values must be strings")))).ToList(),
            JsonArray array => array.Select((p, i) => ("_value" + i, BucketsPath.Parse(JsonValues.AsString(p) ?? throw StoreException.Parsing("[buckets_path] values must be strings")))).ToList(),
            JsonValue value when JsonValues.AsString(value) is { } path => [("_value", BucketsPath.Parse(path))],
            _ => throw StoreException.Parsing("Missing required field [buckets_path] for aggregation [" + name + "]"),
        };
        Script = options["script"] is { } script
            ? ScriptDefinition.Parse(script, null)
            : throw StoreException.Parsing("Missing required field [script] for aggregation [" + name + "]");
    }

    protected List<(string Name, BucketsPath Path)> Variables { get; }

    protected ScriptDefinition Script { get; }

    protected override bool NeedsHistogramParent => false;

    protected override void ValidatePaths(IReadOnlyDictionary<string, Aggregation> siblings)
    {
        foreach (var (_, path) in Variables)
        {
            path.Validate(siblings);
        }
    }

    /// <summary>The bucket's variables (null for a path the gap policy skips) as script params.</summary>
    protected List<(string Name, double? Value)> Resolve(JsonObject bucket) =>
        Variables.Select(v => (v.Name, v.Path.Resolve(bucket, Gap, Containing))).ToList();

    /// <summary>Runs the script with the variables added to its params.</summary>
    protected object? Run(IEnumerable<(string Name, double? Value)> variables)
    {
        var parameters = Script.Parameters();
        foreach (var (name, value) in variables)
        {
            parameters.Put(name, value);
        }

        var bindings = new ScriptBindings();
        bindings.Variables["params"] = parameters;
        return Script.Execute(bindings);
    }
}
