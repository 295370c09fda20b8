using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Analysis;

namespace Gateway.EmbeddedStore.Search.Index;

/// <summary>
/// Per-snapshot positions of one text field: term → ordinal → ascending token positions, as Lucene indexes them
/// (the values of a multi-valued field are <c>position_increment_gap</c> positions apart, 100 by default). Backs the
/// <c>intervals</c> query.
/// </summary>
internal sealed class PositionIndex
{
    private const int DefaultPositionIncrementGap = 100;

    private PositionIndex(Dictionary<string, Dictionary<int, int[]>> terms) => Terms = terms;

    public Dictionary<string, Dictionary<int, int[]>> Terms { get; }

    public static PositionIndex For(ShardSnapshot snapshot, string field) =>
        snapshot.GetOrBuild("positions:" + (field = snapshot.Resolve(field)), s => Build(s, field));

    /// <summary>Positions of <paramref name="term"/> in document <paramref name="ord"/>, or none.</summary>
    public int[] Positions(string term, int ord) =>
        Terms.TryGetValue(term, out var docs) && docs.TryGetValue(ord, out var positions) ? positions : [];

    private static PositionIndex Build(ShardSnapshot snapshot, string field)
    {
        var builders = new Dictionary<string, Dictionary<int, List<int>>>(StringComparer.Ordinal);
        foreach (var ord in snapshot.Live.Ordinals())
        {
            if (!snapshot.Doc(ord).Fields.TryGetValue(field, out var values) || values.Mapping.Kind != FieldKind.Text || values.Texts is not { } texts)
            {
                continue;
            }

            var analyzer = AnalyzerNames.For(values.Mapping);
            var gap = values.Mapping.Definition["position_increment_gap"]?.GetValue<int>() ?? DefaultPositionIncrementGap;
            var position = -1;
            var first = true;
            foreach (var text in texts)
            {
                if (!first)
                {
                    position += gap;
                }

                first = false;
                foreach (var token in StandardAnalyzer.Analyze(text, analyzer))
                {
                    position++;
                    if (!builders.TryGetValue(token, out var docs))
                    {
                        docs = [];
                        builders[token] = docs;
                    }

                    if (!docs.TryGetValue(ord, out var list))
                    {
                        list = [];
                        docs[ord] = list;
                    }

                    list.Add(position);
                }
            }
        }

        var terms = builders.ToDictionary(
            b => b.Key,
            b => b.Value.ToDictionary(d => d.Key, d => d.Value.ToArray()),
            StringComparer.Ordinal);
        return new PositionIndex(terms);
    }
}
