namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>break;</c> or <c>continue;</c>.</summary>
internal sealed record JumpStatement(bool IsBreak, int Offset) : ScriptStatement(Offset);
