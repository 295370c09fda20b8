namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary>An expression of the Painless subset; <see cref="Offset"/> is where it starts in the source.</summary>
internal abstract record ScriptExpression(int Offset);
