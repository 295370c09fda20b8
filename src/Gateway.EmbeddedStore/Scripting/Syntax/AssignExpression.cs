namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>t = v</c> or a compound assignment (<c>Operator</c> is the binary operator, e.g. <c>+</c> for <c>+=</c>).</summary>
internal sealed record AssignExpression(ScriptExpression Target, string? Operator, ScriptExpression Value, int Offset) : ScriptExpression(Offset);
