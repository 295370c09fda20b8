namespace Gateway.EmbeddedStore.Scripting;

/// <summary>The kinds of Painless tokens the subset reads.</summary>
internal enum TokenKind
{
    End,
    Identifier,
    Number,
    String,
    Symbol,
}
