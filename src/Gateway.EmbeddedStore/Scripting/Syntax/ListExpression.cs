namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary>A list initializer <c>[a, b]</c>.</summary>
internal sealed record ListExpression(IReadOnlyList<ScriptExpression> Items, int Offset) : ScriptExpression(Offset);
