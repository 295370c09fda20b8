using System.Text;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest.Cat;

/// <summary>
/// Renders a <c>_cat</c> answer as Elasticsearch's <c>RestTable</c> does: <c>help</c>, <c>h</c> (names, aliases,
/// wildcards), <c>v</c> (header row), <c>s</c> (sort, <c>:desc</c>), and <c>format=json|text</c>. Text cells are
/// padded to their column's width (numbers right-aligned, headers left-aligned), separated by one space.
/// </summary>
internal static class CatTable
{
    public static RestResponse Render(RestRequest request, IReadOnlyList<CatColumn> columns, IReadOnlyList<string[]> rows)
    {
        if (request.Flag("help", false))
        {
            var width = columns.Max(c => c.Name.Length);
            var aliasWidth = columns.Max(c => c.Aliases.Length);
            var help = new StringBuilder();
            foreach (var column in columns)
            {
                help.Append(column.Name.PadRight(width)).Append(" | ").Append(column.Aliases.PadRight(aliasWidth)).Append(" | ").Append(column.Description).Append('\n');
            }

            return Text(help.ToString());
        }

        var selected = Select(request.Param("h"), columns);
        var table = rows.Select(r => selected.Select(i => r[i]).ToArray()).ToList();
        table = Sort(request.Param("s"), selected.Select(i => columns[i]).ToList(), table);
        var format = request.Param("format") ?? "text";
        if (format == "json")
        {
            var array = new JsonArray();
            foreach (var row in table)
            {
                var item = new JsonObject();
                for (var i = 0; i < selected.Count; i++)
                {
                    item[columns[selected[i]].Name] = row[i];
                }

                array.Add(item);
            }

            return RestResponse.Ok(array);
        }

        if (format != "text")
        {
            throw StoreException.IllegalArgument("Unsupported format [" + format + "] for _cat (supported: text, json)");
        }

        var verbose = request.Flag("v", false);
        var widths = selected.Select((c, i) => Math.Max(verbose ? columns[c].Name.Length : 0, table.Count == 0 ? 0 : table.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        if (verbose)
        {
            // Header cells are left-aligned whatever their column's alignment, as in Elasticsearch's RestTable.
            Line(text, selected.Select(c => columns[c].Name).ToArray(), selected.Select(c => columns[c] with { Right = false }).ToList(), widths);
        }

        foreach (var row in table)
        {
            Line(text, row, selected.Select(c => columns[c]).ToList(), widths);
        }

        return Text(text.ToString());
    }

    private static void Line(StringBuilder text, string[] cells, List<CatColumn> columns, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(columns[i].Right ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
        }

        text.Append('\n');
    }

    private static List<int> Select(string? h, IReadOnlyList<CatColumn> columns)
    {
        if (h is null)
        {
            return Enumerable.Range(0, columns.Count).Where(i => columns[i].Default).ToList();
        }

        var selected = new List<int>();
        foreach (var requested in h.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var matched = false;
            for (var i = 0; i < columns.Count; i++)
            {
                var hit = requested.Contains('*', StringComparison.Ordinal)
                    ? Search.Execution.Wildcard.Matches(requested, columns[i].Name)
                    : columns[i].Answers(requested);
                if (hit && !selected.Contains(i))
                {
                    selected.Add(i);
                    matched = true;
                }
            }

            if (!matched && !requested.Contains('*', StringComparison.Ordinal))
            {
                throw StoreException.IllegalArgument("Unknown header [" + requested + "]");
            }
        }

        return selected;
    }

    private static List<string[]> Sort(string? s, List<CatColumn> shown, List<string[]> table)
    {
        if (s is null)
        {
            return table;
        }

        IOrderedEnumerable<string[]>? ordered = null;
        foreach (var key in s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = key.Split(':');
            var index = shown.FindIndex(c => c.Answers(parts[0]));
            if (index < 0)
            {
                throw new StoreException(400, "unsupported_operation_exception", "Unable to sort by unknown sort key `" + parts[0] + "`");
            }

            var descending = parts.Length > 1 && parts[1] == "desc";
            var numeric = shown[index].Right;
            Func<string[], IComparable> selector = numeric ? r => ParseNumber(r[index]) : r => r[index];
            ordered = ordered is null
                ? descending ? table.OrderByDescending(selector) : table.OrderBy(selector)
                : descending ? ordered.ThenByDescending(selector) : ordered.ThenBy(selector);
        }

        return ordered?.ToList() ?? table;
    }

    private static double ParseNumber(string text) =>
        double.TryParse(text.TrimEnd('%', 'b', 'k', 'm', 'g'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : double.NaN;

    private static RestResponse Text(string text) => new(200, Encoding.UTF8.GetBytes(text)) { ContentType = "text/plain; charset=UTF-8" };
}
