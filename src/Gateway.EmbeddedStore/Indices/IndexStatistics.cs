using System.Globalization;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// What <c>_cat/indices</c> and <c>_stats</c> report for an index: searchable documents (as of the last refresh,
/// like Lucene's count) and the store size, which here is the bytes of the live documents' sources (the store
/// keeps sources; Elasticsearch's figure also counts Lucene's index structures).
/// </summary>
internal sealed record IndexStatistics(long DocsCount, long DocsDeleted, long StoreBytes)
{
    public static IndexStatistics Of(IndexState index)
    {
        long bytes = 0;
        foreach (var entry in index.Documents.Values)
        {
            bytes += entry.Source?.Length ?? 0;
        }

        return new IndexStatistics(index.Shard.VisibleCount, 0, bytes);
    }

    /// <summary>A size as Elasticsearch's <c>ByteSizeValue</c> prints it (<c>208b</c>, <c>5.7kb</c>, <c>1mb</c>), or in the unit <c>bytes=</c> asks for.</summary>
    public static string Bytes(long bytes, string? unit)
    {
        var units = new[] { "b", "kb", "mb", "gb", "tb", "pb" };
        if (unit is not null)
        {
            var power = Array.IndexOf(units, unit);
            return power < 0 ? bytes.ToString(CultureInfo.InvariantCulture) : ((long)(bytes / Math.Pow(1024, power))).ToString(CultureInfo.InvariantCulture);
        }

        var value = (double)bytes;
        var i = 0;
        while (value >= 1024 && i < units.Length - 1)
        {
            value /= 1024;
            i++;
        }

        return Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture) + units[i];
    }
}
