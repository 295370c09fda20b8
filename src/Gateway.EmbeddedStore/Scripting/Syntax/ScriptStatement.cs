namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary>A statement of the Painless subset; <see cref="Offset"/> is where it starts in the source.</summary>
internal abstract record ScriptStatement(int Offset);
