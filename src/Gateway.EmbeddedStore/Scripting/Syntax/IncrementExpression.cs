namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>++x</c>, <c>x++</c>, <c>--x</c>, <c>x--</c>.</summary>
internal sealed record IncrementExpression(ScriptExpression Target, int Delta, bool Prefix, int Offset) : ScriptExpression(Offset);
