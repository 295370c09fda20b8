using System.Text;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>An exception a script created with <c>new</c>, to <c>throw</c>: Elasticsearch reports it as the runtime error's cause.</summary>
internal sealed record ScriptThrowable(string JavaType, string? Message) : IScriptObject
{
    /// <summary>The Java type in Elasticsearch's snake case: <c>IllegalArgumentException</c> → <c>illegal_argument_exception</c>.</summary>
    public string ElasticsearchType
    {
        get
        {
            var result = new StringBuilder();
            foreach (var c in JavaType)
            {
                if (char.IsUpper(c) && result.Length > 0)
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }

            return result.ToString();
        }
    }

    public string TypeName => JavaType;

    public bool TryCall(string name, IReadOnlyList<object?> arguments, out object? result)
    {
        result = Message;
        return name == "getMessage" && arguments.Count == 0;
    }

    public object? Index(object? key) => throw ScriptException.IllegalArgument("Cannot index [" + JavaType + "].");
}
