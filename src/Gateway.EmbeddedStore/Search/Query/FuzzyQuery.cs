using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>fuzzy</c>: the indexed terms of a keyword or text field within <c>fuzziness</c> of the value (not analysed),
/// scored as Lucene's <c>FuzzyQuery</c> (see <see cref="FuzzyTerms"/>): <c>fuzziness</c> (AUTO), <c>prefix_length</c>
/// (0), <c>max_expansions</c> (50), <c>transpositions</c> (true), <c>rewrite</c>. Other field types fail the shards
/// with Elasticsearch's message; an unmapped field matches nothing.
/// </summary>
internal sealed class FuzzyQuery : QueryNode
{
    private static readonly string[] Options = ["value", "fuzziness", "prefix_length", "max_expansions", "transpositions", "rewrite"];

    private FuzzyQuery(string field, FuzzyTerms terms)
    {
        Field = field;
        Terms = terms;
    }

    public string Field { get; }

    public FuzzyTerms Terms { get; }

    public static FuzzyQuery Parse(string field, JsonNode? spec, JsonObject outer)
    {
        var options = spec as JsonObject ?? new JsonObject { ["value"] = spec?.DeepClone() };
        QueryParser.RequireKnown("fuzzy", options, Options);
        var value = JsonValues.AsString(options["value"]) ?? throw StoreException.IllegalArgument("query value cannot be null");
        var prefixLength = options["prefix_length"] is { } p ? JsonValues.ToInt(p, "prefix_length") : 0;
        var maxExpansions = options["max_expansions"] is { } m ? JsonValues.ToInt(m, "max_expansions") : FuzzyOptions.DefaultMaxExpansions;
        if (prefixLength < 0 || maxExpansions <= 0)
        {
            throw StoreException.IllegalArgument(prefixLength < 0 ? "[fuzzy] requires prefix length to be non-negative." : "[fuzzy] requires max expansions to be positive.");
        }

        var fuzziness = options["fuzziness"] is { } f ? Fuzziness.Parse(f) : Fuzziness.Auto;
        var terms = new FuzzyTerms
        {
            Term = value,
            Edits = fuzziness.Distance(value),
            PrefixLength = prefixLength,
            Transpositions = options["transpositions"] is not { } t || JsonValues.ToBool(t, "transpositions"),
            Rewrite = JsonValues.AsString(options["rewrite"]) is { } r ? RewriteMethod.Parse(r) : RewriteMethod.BlendedFreqs(maxExpansions),
        };
        return QueryParser.WithCommon(QueryParser.WithCommon(new FuzzyQuery(field, terms), options, "fuzzy"), outer, "fuzzy");
    }

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms)
    {
        if (context.Field(Field) is { Kind: FieldKind.Keyword or FieldKind.Text })
        {
            foreach (var (term, _, _) in Terms.Expand(TermIndex.For(context.Snapshot, Field)))
            {
                terms.Add(Field, term);
            }
        }
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var field = context.Field(Field);
        if (field is null)
        {
            return DocResult.Empty(context.MaxDoc);
        }

        if (field.Kind is not (FieldKind.Keyword or FieldKind.Text))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Can only use fuzzy queries on keyword and text fields - not on [" + Field + "] which is of type [" + FieldMappings.TypeName(field) + "]"));
        }

        var scores = scoring ? context.Scores() : null;
        var bits = Terms.Score(context, TermIndex.For(context.Snapshot, Field), Boost, scores);
        return new DocResult(bits, scores, Boost);
    }
}
