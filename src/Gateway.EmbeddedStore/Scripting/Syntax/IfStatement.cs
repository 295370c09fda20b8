namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>if (c) a else b</c>.</summary>
internal sealed record IfStatement(ScriptExpression Condition, ScriptStatement Then, ScriptStatement? Else, int Offset) : ScriptStatement(Offset);
