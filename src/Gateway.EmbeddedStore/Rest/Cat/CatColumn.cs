namespace Gateway.EmbeddedStore.Rest.Cat;

/// <summary>One column of a <c>_cat</c> table: its name, the aliases <c>h=</c> accepts, help text, and whether it is numeric (right-aligned).</summary>
internal sealed record CatColumn(string Name, string Aliases, string Description, bool Right = false, bool Default = true)
{
    public bool Answers(string requested) =>
        requested == Name || Aliases.Split(',', StringSplitOptions.RemoveEmptyEntries).Contains(requested, StringComparer.Ordinal);
}
