namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>(Type) x</c>.</summary>
internal sealed record CastExpression(string Type, ScriptExpression Value, int Offset) : ScriptExpression(Offset);
