namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>int a = 1, b;</c> (<c>def</c>, <c>var</c> and the typed forms).</summary>
internal sealed record DeclarationStatement(string Type, IReadOnlyList<(string Name, ScriptExpression? Value)> Variables, int Offset) : ScriptStatement(Offset);
