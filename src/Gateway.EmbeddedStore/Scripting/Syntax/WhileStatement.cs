namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>while (c) body</c>, or <c>do body while (c);</c> when <c>TestFirst</c> is false.</summary>
internal sealed record WhileStatement(ScriptExpression Condition, ScriptStatement Body, bool TestFirst, int Offset) : ScriptStatement(Offset);
