namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>c ? a : b</c>.</summary>
internal sealed record ConditionalExpression(ScriptExpression Condition, ScriptExpression WhenTrue, ScriptExpression WhenFalse, int Offset) : ScriptExpression(Offset);
