namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary>A variable (declared, or one the context binds: params, ctx, doc, _score).</summary>
internal sealed record VariableExpression(string Name, int Offset) : ScriptExpression(Offset);
