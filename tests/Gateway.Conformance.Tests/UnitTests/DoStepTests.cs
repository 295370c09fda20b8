using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.UnitTests;

public class DoStepTests
{
    private const string NotFound = """
        {"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [missing]"}],"type":"index_not_found_exception","reason":"no such index [missing]"},"status":404}
        """;

    [Theory]
    [InlineData("missing", 404, TestStatus.Passed)]
    [InlineData("missing", 200, TestStatus.Failed)]
    [InlineData("bad_request", 404, TestStatus.Failed)]
    [InlineData("conflict", 409, TestStatus.Passed)]
    [InlineData("request", 500, TestStatus.Passed)]
    [InlineData("request", 404, TestStatus.Failed)]
    [InlineData("/no such index \\[missing\\]/", 404, TestStatus.Passed)]
    [InlineData("/index_not_found_exception.*root_cause/", 404, TestStatus.Failed)]
    [InlineData("/root_cause=\\[\\{type=index_not_found_exception/", 404, TestStatus.Passed)]
    public async Task Catch_ChecksStatusOrErrorText(string catchValue, int status, TestStatus expected)
    {
        var handler = new FakeElasticsearchHandler();
        handler.Respond("GET /missing/_doc/1", status, status == 200 ? """{"found":true}""" : NotFound);
        var yaml = $"\"t\":\n  - do:\n      catch: '{catchValue}'\n      get: {{ index: missing, id: \"1\" }}\n";

        var result = await InlineRunner.RunAsync(handler, yaml);

        Assert.True(expected == result.Status, result.Message);
    }

    [Fact]
    public async Task Catch_KeepsTheErrorResponseForLaterMatches()
    {
        var handler = new FakeElasticsearchHandler();
        handler.Respond("GET /missing/_doc/1", 404, NotFound);
        const string yaml = "\"t\":\n  - do:\n      catch: missing\n      get: { index: missing, id: \"1\" }\n  - match: { error.root_cause.0.type: index_not_found_exception }\n  - match: { status: 404 }\n";

        var result = await InlineRunner.RunAsync(handler, yaml);

        Assert.True(result.Status == TestStatus.Passed, result.Message);
    }

    [Theory]
    [InlineData("nonsense: 1", TestStatus.Passed)]
    [InlineData("refresh: true", TestStatus.Failed)]
    public async Task CatchParam_ExpectsAParameterTheSpecDoesNotDefine(string parameter, TestStatus expected)
    {
        var handler = new FakeElasticsearchHandler();
        var yaml = $"\"t\":\n  - do:\n      catch: param\n      get: {{ index: test, id: \"1\", {parameter} }}\n";

        var result = await InlineRunner.RunAsync(handler, yaml);

        Assert.True(expected == result.Status, result.Message);
        Assert.DoesNotContain(handler.Requests, r => r.Contains("/test/_doc/1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UncaughtError_FailsTheTestWithStatusAndBody()
    {
        var result = await InlineRunner.RunAsync(new FakeElasticsearchHandler(), "\"t\":\n  - do:\n      get: { index: missing, id: \"1\" }\n");

        Assert.Equal(TestStatus.Failed, result.Status);
        Assert.Contains("expected 2xx but got 404", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ignore_ToleratesTheListedStatus()
    {
        var result = await InlineRunner.RunAsync(new FakeElasticsearchHandler(), "\"t\":\n  - do:\n      get: { index: missing, id: \"1\", ignore: 404 }\n");

        Assert.True(result.Status == TestStatus.Passed, result.Message);
    }

    [Theory]
    [InlineData(200, "is_true")]
    [InlineData(404, "is_false")]
    public async Task Head_AnswersTrueOrFalseAtTheEmptyPath(int status, string assertion)
    {
        var handler = new FakeElasticsearchHandler();
        handler.Respond("HEAD /test", status, string.Empty);

        var result = await InlineRunner.RunAsync(handler, $"\"t\":\n  - do:\n      indices.exists: {{ index: test }}\n  - {assertion}: ''\n");

        Assert.True(result.Status == TestStatus.Passed, result.Message);
    }

    [Theory]
    [InlineData("", TestStatus.Failed)]
    [InlineData("      allowed_warnings: [ \"old param\" ]\n", TestStatus.Passed)]
    [InlineData("      warnings: [ \"old param\" ]\n", TestStatus.Passed)]
    [InlineData("      allowed_warnings_regex: [ \"old.*\" ]\n", TestStatus.Passed)]
    public async Task Warnings_MustBeExpectedOrAllowed(string warningLines, TestStatus expected)
    {
        var handler = new FakeElasticsearchHandler();
        handler.Respond("GET /_cluster/health", 200, """{"status":"green"}""", ("Warning", "299 Elasticsearch-9.1.0-abc \"old param\""));

        var result = await InlineRunner.RunAsync(handler, $"\"t\":\n  - do:\n{warningLines}      cluster.health: {{}}\n");

        Assert.True(expected == result.Status, result.Message);
    }

    [Fact]
    public async Task Warnings_ExpectedButAbsentFails()
    {
        var handler = new FakeElasticsearchHandler();
        handler.Respond("GET /_cluster/health", 200, """{"status":"green"}""");

        var result = await InlineRunner.RunAsync(handler, "\"t\":\n  - do:\n      warnings: [ \"gone\" ]\n      cluster.health: {}\n");

        Assert.Equal(TestStatus.Failed, result.Status);
        Assert.Contains("did not get expected warning", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_AreSentWithStashedValues()
    {
        var handler = new FakeElasticsearchHandler();
        handler.Respond("GET /_cluster/health", (request, _) => FakeElasticsearchHandler.Create(200, $$"""{"seen":"{{request.Headers.GetValues("X-Opaque-Id").Single()}}"}"""));
        const string yaml = "\"t\":\n  - do: { info: {} }\n  - set: { name: n }\n  - do:\n      headers: { X-Opaque-Id: \"id-${n}\" }\n      cluster.health: {}\n  - match: { seen: id-fake }\n";

        var result = await InlineRunner.RunAsync(handler, yaml);

        Assert.True(result.Status == TestStatus.Passed, result.Message);
    }
}
