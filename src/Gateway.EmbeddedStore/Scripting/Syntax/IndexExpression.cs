namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>target[index]</c> on a list, a map or doc values.</summary>
internal sealed record IndexExpression(ScriptExpression Target, ScriptExpression Index, int Offset) : ScriptExpression(Offset);
