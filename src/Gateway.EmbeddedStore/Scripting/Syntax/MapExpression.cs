namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary>A map initializer <c>[:]</c> or <c>['k': v]</c>.</summary>
internal sealed record MapExpression(IReadOnlyList<(ScriptExpression Key, ScriptExpression Value)> Entries, int Offset) : ScriptExpression(Offset);
