using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// The fuzzy options of <c>match</c>, <c>match_bool_prefix</c> and <c>multi_match</c>: <c>fuzziness</c>,
/// <c>prefix_length</c> (0), <c>max_expansions</c> (50), <c>fuzzy_transpositions</c> (true) and <c>fuzzy_rewrite</c>
/// (<c>top_terms_blended_freqs_{max_expansions}</c>).
/// </summary>
internal sealed record FuzzyOptions(Fuzziness Fuzziness, int PrefixLength, int MaxExpansions, bool Transpositions, RewriteMethod? Rewrite)
{
    public const int DefaultMaxExpansions = 50;

    /// <summary>The options of a query body; null without <c>fuzziness</c> (the others are still validated).</summary>
    public static FuzzyOptions? Parse(string type, JsonObject options)
    {
        var prefixLength = options["prefix_length"] is { } p ? JsonValues.ToInt(p, "prefix_length") : 0;
        if (prefixLength < 0)
        {
            throw StoreException.IllegalArgument("[" + type + "] requires prefix length to be non-negative.");
        }

        var maxExpansions = options["max_expansions"] is { } m ? JsonValues.ToInt(m, "max_expansions") : DefaultMaxExpansions;
        if (maxExpansions <= 0)
        {
            throw StoreException.IllegalArgument("[" + type + "] requires max expansions to be positive.");
        }

        var rewrite = JsonValues.AsString(options["fuzzy_rewrite"]) is { } r ? RewriteMethod.Parse(r) : null;
        var transpositions = options["fuzzy_transpositions"] is not { } t || JsonValues.ToBool(t, "fuzzy_transpositions");
        return options["fuzziness"] is { } f
            ? new FuzzyOptions(Fuzziness.Parse(f), prefixLength, maxExpansions, transpositions, rewrite)
            : null;
    }

    /// <summary>The fuzzy term for one analysed token.</summary>
    public FuzzyTerms For(string token) => new()
    {
        Term = token,
        Edits = Fuzziness.Distance(token),
        PrefixLength = PrefixLength,
        Transpositions = Transpositions,
        Rewrite = Rewrite ?? RewriteMethod.BlendedFreqs(MaxExpansions),
    };
}
