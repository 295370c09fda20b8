namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary>
/// One parsed interval rule of an <c>intervals</c> query (<c>match</c>, <c>any_of</c>, <c>all_of</c>, <c>prefix</c>,
/// <c>wildcard</c>, <c>regexp</c>, <c>fuzzy</c>, <c>range</c>) with Elasticsearch's defaults; bound to a field's
/// analyzer by <see cref="IntervalSourceBuilder"/>.
/// </summary>
internal sealed record IntervalRule
{
    public required string Type { get; init; }

    /// <summary><c>query</c> of match, <c>prefix</c>, <c>pattern</c> of wildcard and regexp, <c>term</c> of fuzzy.</summary>
    public string Text { get; init; } = string.Empty;

    public int MaxGaps { get; init; } = -1;

    public bool Ordered { get; init; }

    public string? Analyzer { get; init; }

    public string? UseField { get; init; }

    public IReadOnlyList<IntervalRule> Children { get; init; } = [];

    /// <summary>The filter's type (<c>containing</c>, <c>before</c>, ...), or null.</summary>
    public string? FilterType { get; init; }

    public IntervalRule? Filter { get; init; }

    public Fuzziness Fuzziness { get; init; } = Fuzziness.Auto;

    public int PrefixLength { get; init; }

    public bool Transpositions { get; init; } = true;

    public string? Lower { get; init; }

    public string? Upper { get; init; }

    public bool IncludeLower { get; init; }

    public bool IncludeUpper { get; init; }

    /// <summary>Every <c>use_field</c> of this rule and the rules under it.</summary>
    public IEnumerable<string> UsedFields()
    {
        if (UseField is not null)
        {
            yield return UseField;
        }

        foreach (var field in Children.SelectMany(c => c.UsedFields()))
        {
            yield return field;
        }
    }
}
