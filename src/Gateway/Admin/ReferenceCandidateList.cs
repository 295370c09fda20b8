using Gateway.Peaks.References;

namespace Gateway.Admin;

/// <summary>The candidates of the last proposal run.</summary>
/// <param name="ProposedAt">When the run finished; null when none has run.</param>
/// <param name="Candidates">What it proposed.</param>
internal sealed record ReferenceCandidateList(DateTimeOffset? ProposedAt, IReadOnlyList<ReferenceCandidate> Candidates);
