namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary>A literal: number, string, boolean or null.</summary>
internal sealed record LiteralExpression(object? Value, int Offset) : ScriptExpression(Offset);
