using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Api;
using Gateway.Conformance.Tests.Assertions;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>The state of one running test: the client, the last response and the stash.</summary>
internal sealed class TestExecutionContext
{
    private readonly ConformanceClient _client;
    private readonly IReadOnlyList<KnownDifference> _knownDifferences;

    public TestExecutionContext(ConformanceClient client, string file, IReadOnlyList<KnownDifference> knownDifferences)
    {
        _client = client;
        _knownDifferences = knownDifferences;
        File = file;
        Stash = new Stash { Body = () => Response?.Root };
    }

    public string File { get; }

    public Stash Stash { get; }

    public ApiResponse? Response { get; set; }

    /// <summary>Things worth reporting about a passed test (assertions not checked as known differences).</summary>
    public List<string> Notes { get; } = [];

    public Task<ApiResponse> SendAsync(ApiRequest request, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken) =>
        _client.SendAsync(request, headers, cancellationToken);

    /// <summary>Evaluates a response path; <c>""</c> and <c>$body</c> are the whole body; stash references are replaced.</summary>
    public JsonNode? Evaluate(string path)
    {
        if (path is "" or "$body")
        {
            return Response?.Root;
        }

        var parts = ObjectPath.Split(path).Select(Stash.ReplaceKey);
        return ObjectPath.Evaluate(Response?.Root, parts);
    }

    /// <summary>The reason a <c>match</c> is a documented known difference in this file, or null.</summary>
    public string? KnownDifference(string field, JsonNode? expected) =>
        _knownDifferences.FirstOrDefault(d => d.Applies(File, field, expected))?.Reason;
}
