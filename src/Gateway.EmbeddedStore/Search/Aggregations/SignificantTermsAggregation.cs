using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>significant_terms</c> and <c>significant_text</c>: the terms of the aggregated documents (the foreground) that
/// are more frequent there than in the background (every document of the searched indices, or those matching
/// <c>background_filter</c>), scored by a significance heuristic as Elasticsearch's <c>SignificanceHeuristic</c>s do:
/// <c>jlh</c> (default), <c>percentage</c>, <c>mutual_information</c>, <c>chi_square</c> (<c>include_negatives</c>,
/// <c>background_is_superset</c>) and <c>gnd</c> (<c>background_is_superset</c>). Buckets with a positive score and at
/// least <c>min_doc_count</c> (3) documents, best first, <c>size</c> (10); include/exclude as <c>terms</c>. Keyword, ip
/// and numeric fields read their values, text fields (with <c>fielddata: true</c> for significant_terms) their
/// indexed terms. <c>script_heuristic</c> and significant_text's <c>filter_duplicate_text: true</c> are refused by name.
/// </summary>
internal sealed class SignificantTermsAggregation : Aggregation
{
    private readonly string _type;
    private readonly string _field;
    private readonly int _size;
    private readonly long _minDocCount;
    private readonly Func<string, double?, bool> _include;
    private readonly bool _regexFilter;
    private readonly Query.QueryNode? _backgroundFilter;
    private readonly Func<long, long, long, long, double> _heuristic;
    private Dictionary<Key, long>? _background;
    private long _backgroundSize;

    public SignificantTermsAggregation(string name, string type, JsonObject options)
        : base(name)
    {
        _type = type;
        _field = AggField.Require(options, type);
        _size = options["size"] is { } s ? JsonValues.ToInt(s, "size") : 10;
        if (_size <= 0)
        {
            throw StoreException.IllegalArgument("[size] must be greater than 0. Found [" + _size + "] in [" + name + "]");
        }

        _minDocCount = options["min_doc_count"] is { } m ? JsonValues.ToInt(m, "min_doc_count") : 3;
        if (_minDocCount < 0)
        {
            throw StoreException.IllegalArgument("[minDocCount] must be greater than or equal to 0. Found [" + _minDocCount + "] in [" + name + "]");
        }

        _include = TermsAggregation.IncludeExclude(options["include"], options["exclude"]);
        _regexFilter = options["include"] is JsonValue || options["exclude"] is JsonValue;
        _backgroundFilter = options["background_filter"] is { } filter ? Query.QueryParser.Parse(filter) : null;
        if (options["source_fields"] is not null)
        {
            throw SearchParameters.Unsupported("[significant_text] [source_fields]");
        }

        if (options["filter_duplicate_text"] is { } duplicates && JsonValues.ToBool(duplicates, "filter_duplicate_text"))
        {
            throw SearchParameters.Unsupported("[significant_text] [filter_duplicate_text]");
        }

        _heuristic = Heuristic(options);
    }

    public override string TypedName(AggDocs docs) =>
        AggField.Resolve(docs, _field) is { Kind: not (FieldKind.Keyword or FieldKind.Text) } ? "siglterms" : "sigsterms";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var mapping = Mapping(docs);
        if (mapping?.Encoding == KeywordEncoding.Ip && _regexFilter)
        {
            throw StoreException.IllegalArgument("Aggregation [" + Name + "] cannot support regular expression style include/exclude settings as they can only be applied to string fields. Use an array of values for include/exclude clauses");
        }

        _background ??= Background(docs);
        var subsetSize = docs.Count;
        var foreground = new Dictionary<Key, Dictionary<ShardOutcome, List<int>>>();
        foreach (var (outcome, bits) in docs.Parts)
        {
            foreach (var (key, ord) in Occurrences(outcome.Context, bits))
            {
                if (!foreground.TryGetValue(key, out var perShard))
                {
                    perShard = [];
                    foreground[key] = perShard;
                }

                if (!perShard.TryGetValue(outcome, out var list))
                {
                    list = [];
                    perShard[outcome] = list;
                }

                list.Add(ord);
            }
        }

        var numeric = mapping is not null && mapping.Kind is not (FieldKind.Keyword or FieldKind.Text);
        var scored = foreground
            .Select(f => (f.Key, Members: f.Value, Count: (long)f.Value.Values.Sum(l => l.Count)))
            .Select(f => (f.Key, f.Members, f.Count, Background: _background.GetValueOrDefault(f.Key), Score: 0d))
            .Select(f => f with { Score = _heuristic(f.Count, subsetSize, f.Background, _backgroundSize) })
            .Where(f => f.Score > 0 && f.Count >= _minDocCount)
            .OrderByDescending(f => f.Score).ThenBy(f => f.Key.Text, StringComparer.Ordinal).ThenBy(f => f.Key.Number)
            .Take(_size);
        var buckets = new JsonArray();
        foreach (var (key, members, count, background, score) in scored)
        {
            var bucket = new JsonObject
            {
                ["key"] = numeric ? JsonValue.Create((long)key.Number) : key.Text,
                ["doc_count"] = count,
                ["score"] = score,
                ["bg_count"] = background,
            };
            AddSubAggregations(bucket, AggDocs.FromOrdinals(docs.Parts, members), typedKeys);
            buckets.Add(bucket);
        }

        return new JsonObject { ["doc_count"] = subsetSize, ["bg_count"] = _backgroundSize, ["buckets"] = buckets };
    }

    private FieldMapping? Mapping(AggDocs docs)
    {
        foreach (var (outcome, _) in docs.Parts)
        {
            if (outcome.Context.Field(_field) is { } mapping)
            {
                if (mapping.Kind == FieldKind.Text && _type == "significant_terms" && !(mapping.Definition["fielddata"] is { } fielddata && JsonValues.ToBool(fielddata, "fielddata")))
                {
                    // Without fielddata a text field is refused as every aggregation refuses it.
                    AggField.Resolve(docs, _field);
                }

                if (_type == "significant_text" && mapping.Kind is not (FieldKind.Keyword or FieldKind.Text))
                {
                    throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("Field [" + _field + "] has no analyzer, but SignificantText requires an analyzed field"));
                }

                if (mapping.Kind is not (FieldKind.Keyword or FieldKind.Text) && !QueryKinds.IsNumeric(mapping.Kind) && mapping.Kind is not (FieldKind.Date or FieldKind.Boolean))
                {
                    throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                        "Field [" + _field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [" + _type + "]"));
                }

                return mapping;
            }
        }

        return null;
    }

    // How many background documents hold each term (the background: every live document, or the filter's matches).
    private Dictionary<Key, long> Background(AggDocs docs)
    {
        var counts = new Dictionary<Key, long>();
        _backgroundSize = 0;
        foreach (var (outcome, _) in docs.Parts)
        {
            var context = outcome.Context;
            var bits = context.Snapshot.AllLive();
            if (_backgroundFilter is not null)
            {
                bits.And(_backgroundFilter.Execute(context, scoring: false).Bits);
            }

            _backgroundSize += bits.Count();
            foreach (var (key, _) in Occurrences(context, bits))
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    // Each (term, document) pair once, for the documents of bits.
    private IEnumerable<(Key Key, int Ord)> Occurrences(SearchContext context, DocBits bits)
    {
        var mapping = context.Field(_field);
        if (mapping is null)
        {
            yield break;
        }

        if (mapping.Kind == FieldKind.Text)
        {
            foreach (var (term, postings) in TermIndex.For(context.Snapshot, _field).Terms)
            {
                if (!_include(term, null))
                {
                    continue;
                }

                foreach (var ord in postings.Ords)
                {
                    if (ord < bits.Length && bits[ord])
                    {
                        yield return (new Key(term, 0), ord);
                    }
                }
            }

            yield break;
        }

        foreach (var ord in bits.Ordinals())
        {
            context.Snapshot.Doc(ord).Fields.TryGetValue(_field, out var values);
            if (values?.Keywords is not null)
            {
                foreach (var text in AggField.Strings(values).Where(t => _include(t, null)))
                {
                    yield return (new Key(text, 0), ord);
                }

                continue;
            }

            foreach (var number in AggField.Numbers(values).Distinct().Where(n => _include(string.Empty, n)))
            {
                yield return (new Key(null, number), ord);
            }
        }
    }

    private static Func<long, long, long, long, double> Heuristic(JsonObject options)
    {
        string? chosen = null;
        JsonObject? settings = null;
        foreach (var name in new[] { "jlh", "percentage", "mutual_information", "chi_square", "gnd", "script_heuristic" })
        {
            if (options[name] is { } node)
            {
                if (chosen is not null)
                {
                    throw StoreException.Parsing("Found two significance heuristics in [" + chosen + "] and [" + name + "]");
                }

                chosen = name;
                settings = node as JsonObject ?? throw StoreException.Parsing("[" + name + "] must be an object");
            }
        }

        bool Flag(string key, bool fallback) => settings?[key] is { } v ? JsonValues.ToBool(v, key) : fallback;
        void Known(params string[] keys)
        {
            foreach (var (key, _) in settings ?? [])
            {
                if (Array.IndexOf(keys, key) < 0)
                {
                    throw StoreException.Parsing("failed to parse [" + chosen + "] significance heuristic. unknown field [" + key + "]");
                }
            }
        }

        switch (chosen)
        {
            case null or "jlh":
                Known();
                return Jlh;
            case "percentage":
                Known();
                return (subsetFreq, _, supersetFreq, _) => supersetFreq == 0 ? 0 : (double)subsetFreq / supersetFreq;
            case "mutual_information":
                Known("include_negatives", "background_is_superset");
                var (miNegatives, miSuperset) = (Flag("include_negatives", false), Flag("background_is_superset", true));
                return (a, b, c, d) => MutualInformation(Frequencies.Of(a, b, c, d, miSuperset), miNegatives);
            case "chi_square":
                Known("include_negatives", "background_is_superset");
                var (chiNegatives, chiSuperset) = (Flag("include_negatives", false), Flag("background_is_superset", true));
                return (a, b, c, d) => ChiSquare(Frequencies.Of(a, b, c, d, chiSuperset), chiNegatives);
            case "gnd":
                Known("background_is_superset");
                var gndSuperset = Flag("background_is_superset", true);
                return (a, b, c, d) => Gnd(a, b, c, d, gndSuperset);
            default:
                throw SearchParameters.Unsupported("the [" + chosen + "] significance heuristic");
        }
    }

    private static double Jlh(long subsetFreq, long subsetSize, long supersetFreq, long supersetSize)
    {
        if (subsetSize == 0 || supersetSize == 0)
        {
            return 0;
        }

        var subset = (double)subsetFreq / subsetSize;
        var superset = (double)Math.Max(1, supersetFreq) / supersetSize;
        var absolute = subset - superset;
        return absolute <= 0 ? 0 : absolute * (subset / superset);
    }

    private static double MutualInformation(Frequencies f, bool includeNegatives)
    {
        var score = (MiTerm(f.N00, f.N0_, f.N_0, f.N) + MiTerm(f.N01, f.N0_, f.N_1, f.N) + MiTerm(f.N10, f.N1_, f.N_0, f.N) + MiTerm(f.N11, f.N1_, f.N_1, f.N)) / Math.Log(2);
        if (double.IsNaN(score))
        {
            score = double.NegativeInfinity;
        }

        return !includeNegatives && f.N11 / f.N_1 < f.N10 / f.N_0 ? double.NegativeInfinity : score;
    }

    private static double MiTerm(double nxy, double nx, double ny, double n)
    {
        var numerator = Math.Abs(n * nxy);
        var denominator = Math.Abs(nx * ny);
        var factor = Math.Abs(nxy / n);
        return numerator < 1e-7 && factor < 1e-7 ? 0 : factor * Math.Log(numerator / denominator);
    }

    private static double ChiSquare(Frequencies f, bool includeNegatives) =>
        !includeNegatives && f.N11 / f.N_1 < f.N10 / f.N_0
            ? double.NegativeInfinity
            : f.N * Math.Pow((f.N11 * f.N00) - (f.N01 * f.N10), 2) / (f.N_1 * f.N1_ * f.N0_ * f.N_0);

    private static double Gnd(long subsetFreq, long subsetSize, long supersetFreq, long supersetSize, bool backgroundIsSuperset)
    {
        if (!backgroundIsSuperset)
        {
            supersetFreq += subsetFreq;
            supersetSize += subsetSize;
        }

        double fx = supersetFreq, fy = subsetSize, fxy = subsetFreq, n = supersetSize;
        if (fxy == 0)
        {
            return 0;
        }

        if (fx == fy && fx == fxy)
        {
            return 1;
        }

        var score = (Math.Max(Math.Log(fx), Math.Log(fy)) - Math.Log(fxy)) / (Math.Log(n) - Math.Min(Math.Log(fx), Math.Log(fy)));
        return Math.Exp(-score);
    }

    private readonly record struct Key(string? Text, double Number);

    // The 2×2 table of NXYSignificanceHeuristic: N{term}{class}, "_" summing over one side.
    private readonly record struct Frequencies(double N00, double N01, double N10, double N11, double N0_, double N1_, double N_0, double N_1, double N)
    {
        public static Frequencies Of(long subsetFreq, long subsetSize, long supersetFreq, long supersetSize, bool backgroundIsSuperset) =>
            backgroundIsSuperset
                ? new(supersetSize - supersetFreq - (subsetSize - subsetFreq), subsetSize - subsetFreq, supersetFreq - subsetFreq, subsetFreq,
                    supersetSize - supersetFreq, supersetFreq, supersetSize - subsetSize, subsetSize, supersetSize)
                : new(supersetSize - supersetFreq, subsetSize - subsetFreq, supersetFreq, subsetFreq,
                    supersetSize - supersetFreq + subsetSize - subsetFreq, supersetFreq + subsetFreq, supersetSize, subsetSize, supersetSize + subsetSize);
    }
}
