using Gateway.Conformance.Tests.Assertions;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>What the server reports at <c>GET /</c>: the version that <c>skip.version</c> ranges are evaluated against.</summary>
internal sealed record ServerInfo(string VersionText, Version Version)
{
    public static async Task<ServerInfo> FetchAsync(ConformanceClient client, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync("GET", "/", cancellationToken: cancellationToken);
        var number = JsonValues.AsString(ObjectPath.Evaluate(response.Body, ["version", "number"]));
        if (response.IsError || number is null)
        {
            throw new InvalidOperationException($"GET / did not report version.number: {response.Status} {response.BodyText}");
        }

        return new ServerInfo(number, VersionRanges.Parse(number));
    }
}
