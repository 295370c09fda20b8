namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>{ ... }</c> (and the script itself).</summary>
internal sealed record BlockStatement(IReadOnlyList<ScriptStatement> Statements, int Offset) : ScriptStatement(Offset);
