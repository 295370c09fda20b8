namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary>An expression used as a statement; the script's last one is its value.</summary>
internal sealed record ExpressionStatement(ScriptExpression Expression, int Offset) : ScriptStatement(Offset);
