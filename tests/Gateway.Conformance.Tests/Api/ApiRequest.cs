namespace Gateway.Conformance.Tests.Api;

/// <summary>An HTTP request built from a <c>do</c> step, plus the statuses its <c>ignore</c> parameter tolerates.</summary>
internal sealed record ApiRequest(
    string Method,
    string PathAndQuery,
    string? Body,
    string ContentType,
    IReadOnlySet<int> IgnoredStatuses,
    IReadOnlyList<string> UnknownParams);
