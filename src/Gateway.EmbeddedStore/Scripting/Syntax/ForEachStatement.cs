namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>for (def x : list) body</c> (also <c>for (x in list)</c>).</summary>
internal sealed record ForEachStatement(string Type, string Name, ScriptExpression Source, ScriptStatement Body, int Offset) : ScriptStatement(Offset);
