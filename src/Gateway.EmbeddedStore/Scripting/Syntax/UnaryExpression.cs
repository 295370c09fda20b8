namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>!x</c>, <c>-x</c>, <c>+x</c>, <c>~x</c>.</summary>
internal sealed record UnaryExpression(string Operator, ScriptExpression Operand, int Offset) : ScriptExpression(Offset);
