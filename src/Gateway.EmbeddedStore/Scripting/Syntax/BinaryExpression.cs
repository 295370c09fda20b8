namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary>A binary operator, including the short-circuit <c>&amp;&amp;</c>, <c>||</c> and the elvis <c>?:</c>.</summary>
internal sealed record BinaryExpression(string Operator, ScriptExpression Left, ScriptExpression Right, int Offset) : ScriptExpression(Offset);
