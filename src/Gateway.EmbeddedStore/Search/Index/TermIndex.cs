using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Index;

/// <summary>
/// Per-snapshot inverted index of one keyword or text field: term → ascending ordinals and
/// term frequencies, field lengths (Lucene-encoded norms) and the statistics BM25 needs.
/// </summary>
internal sealed class TermIndex
{
    private TermIndex(Dictionary<string, Postings> terms, byte[] norms, int docCount, long sumTotalTermFreq, bool hasNorms)
    {
        Terms = terms;
        Norms = norms;
        DocCount = docCount;
        SumTotalTermFreq = sumTotalTermFreq;
        HasNorms = hasNorms;
    }

    public Dictionary<string, Postings> Terms { get; }

    /// <summary>Encoded field length per ordinal (see <see cref="Bm25"/>).</summary>
    public byte[] Norms { get; }

    /// <summary>Documents that have at least one term in the field.</summary>
    public int DocCount { get; }

    public long SumTotalTermFreq { get; }

    public bool HasNorms { get; }

    public double AverageLength => DocCount == 0 ? 1 : (double)SumTotalTermFreq / DocCount;

    public static TermIndex For(ShardSnapshot snapshot, string field) =>
        snapshot.GetOrBuild("terms:" + (field = snapshot.Resolve(field)), s => Build(s, field));

    private static TermIndex Build(ShardSnapshot snapshot, string field)
    {
        var builders = new Dictionary<string, (List<int> Ords, List<int> Freqs)>(StringComparer.Ordinal);
        var norms = new byte[snapshot.MaxDoc];
        var docCount = 0;
        long sumTtf = 0;
        var hasNorms = false;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ord in snapshot.Live.Ordinals())
        {
            if (!snapshot.Doc(ord).Fields.TryGetValue(field, out var values))
            {
                continue;
            }

            counts.Clear();
            var length = 0;
            if (values.Mapping.Kind == FieldKind.Text && values.Texts is { } texts)
            {
                hasNorms = true;
                var analyzer = Analysis.AnalyzerNames.For(values.Mapping);
                foreach (var text in texts)
                {
                    foreach (var token in Analysis.StandardAnalyzer.Analyze(text, analyzer))
                    {
                        counts[token] = counts.GetValueOrDefault(token) + 1;
                        length++;
                    }
                }
            }
            else if (values.Keywords is { } keywords)
            {
                foreach (var keyword in keywords)
                {
                    if (values.Mapping.IgnoreAbove is { } max && keyword.Length > max)
                    {
                        continue;
                    }

                    counts[keyword] = 1;
                }

                length = counts.Count;
            }

            if (counts.Count == 0)
            {
                continue;
            }

            docCount++;
            sumTtf += length;
            norms[ord] = Bm25.EncodeLength(length);
            foreach (var (term, freq) in counts)
            {
                if (!builders.TryGetValue(term, out var list))
                {
                    list = ([], []);
                    builders[term] = list;
                }

                list.Ords.Add(ord);
                list.Freqs.Add(freq);
            }
        }

        var terms = builders.ToDictionary(b => b.Key, b => new Postings(b.Value.Ords.ToArray(), b.Value.Freqs.ToArray()), StringComparer.Ordinal);
        return new TermIndex(terms, norms, docCount, sumTtf, hasNorms);
    }
}
