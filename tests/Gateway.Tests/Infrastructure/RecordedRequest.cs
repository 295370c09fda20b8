namespace Gateway.Tests.Infrastructure;

/// <summary>A request as the upstream received it.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body);
