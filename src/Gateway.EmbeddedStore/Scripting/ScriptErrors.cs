using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// Elasticsearch's <c>script_exception</c> for a failed script: <c>reason</c> <c>compile error</c> or <c>runtime
/// error</c>, <c>script_stack</c> (the source around the failure with <c>^---- HERE</c>), <c>script</c>, <c>lang</c>,
/// <c>position</c> and the Java exception as <c>caused_by</c>. The status is 400, as ES's <c>ScriptException</c>.
/// </summary>
internal static class ScriptErrors
{
    // Painless shows up to 25 characters either side of the failing offset.
    private const int Window = 25;

    public static StoreException ToStoreException(ScriptException error, string source)
    {
        var offset = Math.Clamp(error.Offset < 0 ? 0 : error.Offset, 0, source.Length);
        var start = Math.Max(0, offset - Window);
        var end = Math.Min(source.Length, offset + Window);
        var snippet = source[start..end];
        var pointer = new string(' ', offset - start) + "^---- HERE";
        var stack = start > 0 || end < source.Length
            ? new JsonArray("... " + snippet + (end < source.Length ? " ..." : ""), "    " + pointer)
            : new JsonArray(snippet, pointer);
        return new StoreException(400, "script_exception", error.IsCompile ? "compile error" : "runtime error")
        {
            Details = new JsonObject
            {
                ["script_stack"] = stack,
                ["script"] = source,
                ["lang"] = "painless",
                ["position"] = new JsonObject { ["offset"] = offset, ["start"] = start, ["end"] = end },
            },
            CausedBy = new StoreException(400, error.CauseType, error.Message),
        };
    }

    /// <summary>A script feature the store does not implement, refused by name.</summary>
    public static StoreException Unsupported(string what) =>
        StoreException.IllegalArgument(what + " is not supported by the embedded store");
}
