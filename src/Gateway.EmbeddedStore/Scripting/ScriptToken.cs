namespace Gateway.EmbeddedStore.Scripting;

/// <summary>One token of a script: its kind, text (the symbol or identifier), literal value and offset in the source.</summary>
internal readonly record struct ScriptToken(TokenKind Kind, string Text, object? Value, int Offset)
{
    public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;
}
