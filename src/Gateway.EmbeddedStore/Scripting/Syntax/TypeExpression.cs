namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary>A class name used for its static members (<c>Math.max</c>, <c>Integer.MAX_VALUE</c>).</summary>
internal sealed record TypeExpression(string Name, int Offset) : ScriptExpression(Offset);
