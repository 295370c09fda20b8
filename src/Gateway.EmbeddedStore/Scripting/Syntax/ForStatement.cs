namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary>The classic <c>for (init; condition; updates) body</c>.</summary>
internal sealed record ForStatement(ScriptStatement? Initializer, ScriptExpression? Condition, IReadOnlyList<ScriptExpression> Updates, ScriptStatement Body, int Offset) : ScriptStatement(Offset);
