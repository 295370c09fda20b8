namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary>A method call on <c>Target</c>, or a context function (<c>cosineSimilarity</c>, ...) when it is null.</summary>
internal sealed record CallExpression(ScriptExpression? Target, string Name, IReadOnlyList<ScriptExpression> Arguments, bool NullSafe, int Offset) : ScriptExpression(Offset);
