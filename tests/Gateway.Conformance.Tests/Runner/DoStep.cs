using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Api;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>A <c>do</c> step: calls one API and checks its status (<c>catch</c>) and warning headers.</summary>
internal sealed class DoStep(
    int line,
    string api,
    JsonObject arguments,
    string? catchValue,
    IReadOnlyDictionary<string, string> headers,
    WarningExpectations warnings,
    bool usesNodeSelector) : IStep
{
    public int Line { get; } = line;

    public string Api { get; } = api;

    public async Task ExecuteAsync(TestExecutionContext context, CancellationToken cancellationToken)
    {
        var spec = RestApiCatalog.Find(Api) ?? throw new UnsupportedException($"API [{Api}] is not in the runner's API table (line {Line})");
        if (usesNodeSelector)
        {
            throw new UnsupportedException($"node_selector is not supported (line {Line})");
        }

        if (catchValue is not null && !CatchMatcher.IsKnown(catchValue))
        {
            throw new UnsupportedException($"catch value [{catchValue}] is not supported (line {Line})");
        }

        var resolved = (JsonObject)context.Stash.Replace(arguments)!;
        ApiRequest request;
        try
        {
            request = RequestFactory.Build(spec, resolved);
        }
        catch (ArgumentException e)
        {
            throw new StepFailedException($"do {Api} (line {Line}): {e.Message}");
        }

        if (catchValue == "param")
        {
            // A client-side error: the Java client refuses a parameter the API spec does not define, or a call
            // without the body the spec requires.
            context.Response = null;
            if (request.UnknownParams.Count == 0 && !(spec.BodyRequired && request.Body is null))
            {
                throw new StepFailedException($"do {Api} (line {Line}): expected a client error for an unknown parameter, all were known");
            }

            return;
        }

        var requestHeaders = headers.ToDictionary(h => h.Key, h => context.Stash.ReplaceKey(h.Value), StringComparer.OrdinalIgnoreCase);
        var response = await context.SendAsync(request, requestHeaders, cancellationToken);
        context.Response = response;
        var where = $"do {Api} (line {Line}) {request.Method} {request.PathAndQuery}";
        if (catchValue is not null)
        {
            if (CatchMatcher.Check(catchValue, response) is { } catchFailure)
            {
                throw new StepFailedException($"{where}: {catchFailure}");
            }

            return;
        }

        var tolerated = (response.Method == "HEAD" && response.Status == 404) || request.IgnoredStatuses.Contains(response.Status);
        if (response.IsError && !tolerated)
        {
            throw new StepFailedException($"{where}: expected 2xx but got {response.Status}: {Truncate(response.BodyText)}");
        }

        if (warnings.Check(response.Warnings) is { } warningFailure)
        {
            throw new StepFailedException($"{where}: {warningFailure}");
        }
    }

    private static string Truncate(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
