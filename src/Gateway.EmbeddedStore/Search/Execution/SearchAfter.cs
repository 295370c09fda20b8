using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary><c>search_after</c>: keeps hits that sort strictly after the given sort values.</summary>
internal static class SearchAfter
{
    public static SortKey[] Keys(JsonArray after, List<SortSpec> sort)
    {
        if (after.Count != sort.Count)
        {
            throw StoreException.IllegalArgument("search_after has " + after.Count + " value(s) but sort has " + sort.Count + ".");
        }

        return after.Select(v => JsonValues.IsString(v)
            ? new SortKey(0, v!.GetValue<string>(), v)
            : new SortKey(v is null ? double.NaN : JsonValues.ToDouble(v, "search_after"), null, v)).ToArray();
    }

    public static bool IsAfter(SortKey[] keys, SortKey[] after, List<SortSpec> sort)
    {
        for (var i = 0; i < sort.Count; i++)
        {
            var c = SortKey.Compare(keys[i], after[i]);
            if (c != 0)
            {
                return sort[i].Descending ? c < 0 : c > 0;
            }
        }

        return false;
    }
}
