namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary>
/// A bound intervals source (Lucene's <c>IntervalsSource</c>): the minimal intervals of one document in one field.
/// Sources are built per search from the parsed rules (<see cref="IntervalSourceBuilder"/>), once the field's
/// analyzer is known.
/// </summary>
internal abstract class IntervalSource
{
    /// <summary>The smallest width an interval of this source can have (Lucene's <c>minExtent</c>, used in scoring).</summary>
    public abstract int MinExtent { get; }

    /// <summary>A canonical description: two sources with the same key produce the same intervals.</summary>
    public abstract string Key { get; }

    /// <summary>The minimal intervals of <paramref name="doc"/> in <paramref name="field"/>, ascending.</summary>
    public abstract List<Interval> Intervals(IntervalDoc doc, string field);

    /// <summary>
    /// The intervals a combining parent (phrase, ordered, unordered) chooses from: the same as
    /// <see cref="Intervals"/> except for a disjunction, whose alternatives are pulled up unminimised, as Lucene
    /// rewrites disjunctions inside phrases and gap-limited sources.
    /// </summary>
    public virtual List<Interval> Candidates(IntervalDoc doc, string field) => Intervals(doc, field);

    /// <summary>Sorts, de-duplicates and keeps the intervals that contain no other one.</summary>
    public static List<Interval> Minimize(IEnumerable<Interval> intervals)
    {
        var sorted = intervals.Distinct().OrderBy(i => i.Start).ThenBy(i => i.End).ToList();
        var result = new List<Interval>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var candidate = sorted[i];
            var minimal = true;
            for (var j = 0; j < sorted.Count && minimal; j++)
            {
                minimal = j == i || !candidate.Contains(sorted[j]);
            }

            if (minimal)
            {
                result.Add(candidate);
            }
        }

        return result;
    }
}
