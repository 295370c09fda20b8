namespace Gateway.Rewrite;

/// <summary>Chooses num_candidates for a k: the request's own value, else k × factor within the configured bounds.</summary>
internal static class Candidates
{
    public static int For(int k, int? requested, RewriteOptions options)
    {
        if (k > options.MaxNumCandidates)
        {
            throw RewriteException.BadRequest($"[k] must be at most {options.MaxNumCandidates} but was [{k}]");
        }

        if (requested is { } value)
        {
            if (value < k || value > 10_000)
            {
                throw RewriteException.BadRequest($"[num_candidates] must be between k ({k}) and 10000 but was [{value}]");
            }

            return value;
        }

        var wanted = Math.Max((long)k * options.NumCandidatesFactor, options.MinNumCandidates);
        return (int)Math.Clamp(wanted, k, options.MaxNumCandidates);
    }
}
