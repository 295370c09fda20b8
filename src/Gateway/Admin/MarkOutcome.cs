using Gateway.Rewrite;

namespace Gateway.Admin;

/// <summary>What marking an album photo did.</summary>
/// <param name="Error">Why nothing was marked (unknown peak, photo not indexed); null when the mark was saved.</param>
/// <param name="References">The peak's album references after the change.</param>
/// <param name="Negatives">The peak's album negatives after the change.</param>
/// <param name="RebuildProblem">Null when the prototype was rebuilt; else why not (the mark is saved and the next rebuild applies it).</param>
internal sealed record MarkOutcome(RewriteError? Error, int References, int Negatives, string? RebuildProblem)
{
    /// <summary>Nothing was marked.</summary>
    public static MarkOutcome Refused(int status, string type, string reason) => new(new RewriteError(status, type, reason), 0, 0, null);
}
