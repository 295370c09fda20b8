namespace Gateway.EmbeddedStore.Search.Analysis;

/// <summary>Code point helpers.</summary>
internal static class CodePoints
{
    /// <summary>The code point at <paramref name="i"/>, or the lone UTF-16 unit if it is an unpaired surrogate.</summary>
    public static int At(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            ? char.ConvertToUtf32(text[i], text[i + 1])
            : text[i];
}
