using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>One sort value of a hit: a number or a string for comparison, and how it renders.</summary>
internal readonly record struct SortKey(double Number, string? Text, JsonNode? Rendered)
{
    public static int Compare(SortKey a, SortKey b)
    {
        if (a.Text is not null || b.Text is not null)
        {
            if (a.Text is null)
            {
                return a.Number > 0 ? 1 : -1;
            }

            if (b.Text is null)
            {
                return b.Number > 0 ? -1 : 1;
            }

            return string.CompareOrdinal(a.Text, b.Text);
        }

        return a.Number.CompareTo(b.Number);
    }
}
