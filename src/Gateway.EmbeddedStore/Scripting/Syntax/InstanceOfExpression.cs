namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>x instanceof Type</c>.</summary>
internal sealed record InstanceOfExpression(ScriptExpression Value, string Type, int Offset) : ScriptExpression(Offset);
