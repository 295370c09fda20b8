namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>throw new X(message);</c>.</summary>
internal sealed record ThrowStatement(ScriptExpression Value, int Offset) : ScriptStatement(Offset);
