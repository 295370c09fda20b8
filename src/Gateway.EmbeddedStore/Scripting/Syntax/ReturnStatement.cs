namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>return;</c> or <c>return value;</c>.</summary>
internal sealed record ReturnStatement(ScriptExpression? Value, int Offset) : ScriptStatement(Offset);
