namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// The <c>ctx</c> map of write scripts (<c>_source</c>, <c>op</c>, <c>_index</c>, <c>_id</c>, <c>_version</c>,
/// <c>_routing</c>, <c>_now</c>), validated on every write as Elasticsearch's <c>Metadata</c> maps do since 8.5:
/// <c>Cannot put key [junk] with value [stuff] into ctx</c>, <c>_id cannot be updated</c>,
/// <c>[op] must be one of delete, index, noop, not [junk]</c>.
/// </summary>
internal static class ScriptCtx
{
    public const string Source = "_source";
    public const string Op = "op";

    public static ScriptMap Create(CtxKind kind, string index, string? id, long? version, string? routing, long nowMillis, ScriptMap source)
    {
        var ctx = new ScriptMap { Guard = (key, value) => Check(kind, key, value) };
        ctx.Init("_index", index);
        ctx.Init("_id", id);
        ctx.Init("_version", version);
        ctx.Init("_routing", routing);
        ctx.Init("_now", nowMillis);
        ctx.Init(Op, kind == CtxKind.Upsert ? "create" : "index");
        ctx.Init(Source, source);
        return ctx;
    }

    /// <summary>The operation the script chose, with the legacy <c>none</c> read as <c>noop</c>.</summary>
    public static string Operation(ScriptMap ctx) => ctx.Get(Op) switch
    {
        "none" => "noop",
        string op => op,
        _ => "index",
    };

    /// <summary>The (possibly replaced) source map.</summary>
    public static ScriptMap SourceOf(ScriptMap ctx) => ctx.Get(Source) as ScriptMap ?? new ScriptMap();

    private static string? Check(CtxKind kind, object key, object? value)
    {
        switch (key)
        {
            case Op:
                var valid = kind == CtxKind.Upsert ? new[] { "create", "noop" } : ["delete", "index", "noop"];
                return value is string op && (valid.Contains(op) || op == "none")
                    ? null
                    : "[op] must be one of " + string.Join(", ", valid) + ", not [" + (value is null ? "null" : ScriptText.Of(value)) + "]";
            case Source:
                return value is ScriptMap ? null : "[_source] must be a map, not [" + ScriptText.Of(value) + "]";
            case "_index" when kind == CtxKind.Reindex:
                return value is string ? null : "_index must be a String but was [" + ScriptText.Of(value) + "]";
            case "_id" or "_routing" when kind == CtxKind.Reindex:
                return value is null or string ? null : key + " must be a String but was [" + ScriptText.Of(value) + "]";
            case "_version" when kind == CtxKind.Reindex:
                return value is null or int or long ? null : "_version must be a Long but was [" + ScriptText.Of(value) + "]";
            case "_index" or "_id" or "_version" or "_routing" or "_now":
                return key + " cannot be updated";
            default:
                return "Cannot put key [" + ScriptText.Of(key) + "] with value [" + ScriptText.Of(value) + "] into ctx";
        }
    }
}
