namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>new ArrayList()</c>, <c>new HashMap()</c>, <c>new IllegalArgumentException(msg)</c>, ...</summary>
internal sealed record NewExpression(string Type, IReadOnlyList<ScriptExpression> Arguments, int Offset) : ScriptExpression(Offset);
