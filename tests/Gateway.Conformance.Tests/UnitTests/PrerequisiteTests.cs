using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.UnitTests;

public class PrerequisiteTests
{
    [Theory]
    [InlineData("  - skip:\n      version: \" - 8.99.99\"\n      reason: old\n", TestStatus.Passed)]
    [InlineData("  - skip:\n      version: \"9.0.0 - \"\n      reason: new\n", TestStatus.Skipped)]
    [InlineData("  - skip:\n      awaits_fix: https://example.invalid/1\n      reason: muted\n", TestStatus.Skipped)]
    [InlineData("  - requires:\n      test_runner_features: [close_to]\n", TestStatus.Passed)]
    [InlineData("  - requires:\n      test_runner_features: [node_selector]\n", TestStatus.Unsupported)]
    [InlineData("  - skip:\n      features: xpack\n", TestStatus.Unsupported)]
    [InlineData("  - requires:\n      cluster_features: [gte_v8.14.0]\n      reason: r\n", TestStatus.Passed)]
    [InlineData("  - requires:\n      cluster_features: [gte_v9.2.0]\n      reason: r\n", TestStatus.Skipped)]
    [InlineData("  - requires:\n      cluster_features: [mapper.base64_dense_vectors]\n      reason: r\n", TestStatus.Passed)]
    [InlineData("  - requires:\n      cluster_features: [mapper.dense_vector.inference_id]\n      reason: r\n", TestStatus.Unsupported)]
    [InlineData("  - requires:\n      cluster_features: [search.vectors.dense_vector_query]\n      reason: r\n", TestStatus.Passed)]
    [InlineData("  - requires:\n      cluster_features: [some.unknown_feature]\n      reason: r\n", TestStatus.Unsupported)]
    [InlineData("  - skip:\n      cluster_features: [gte_v8.0.0]\n      reason: r\n", TestStatus.Skipped)]
    [InlineData("  - requires:\n      test_runner_features: [capabilities]\n      capabilities:\n        - method: GET\n          path: /_search\n          capabilities: [yes_cap]\n      reason: r\n", TestStatus.Passed)]
    [InlineData("  - requires:\n      test_runner_features: [capabilities]\n      capabilities:\n        - method: GET\n          path: /_search\n          capabilities: [no_cap]\n      reason: r\n", TestStatus.Unsupported)]
    public async Task Prerequisites_DecideRunSkipOrUnsupported(string section, TestStatus expected)
    {
        var handler = new FakeElasticsearchHandler();
        handler.Respond("GET /_capabilities", (request, _) => FakeElasticsearchHandler.Create(
            200, request.RequestUri!.Query.Contains("yes_cap", StringComparison.Ordinal) ? """{"supported":true}""" : """{"supported":false}"""));

        var result = await InlineRunner.RunAsync(handler, "\"t\":\n" + section + "  - do: { info: {} }\n  - match: { version.number: 9.1.0 }\n");

        Assert.True(expected == result.Status, result.Message);
    }

    [Fact]
    public async Task SetupPrerequisites_ApplyToEveryTest()
    {
        const string yaml = "setup:\n  - skip:\n      version: all\n      reason: whole file\n---\n\"t\":\n  - do: { info: {} }\n";

        var result = await InlineRunner.RunAsync(new FakeElasticsearchHandler(), yaml);

        Assert.Equal(TestStatus.Skipped, result.Status);
    }

    [Fact]
    public async Task ListedTest_IsUnsupportedWithItsReasonAndNotRun()
    {
        var handler = new FakeElasticsearchHandler();
        var list = UnsupportedList.Parse("unsupported:\n  unit/10_inline.yml:\n    \"t\": nested documents are outside the subset\n");

        var result = await InlineRunner.RunAsync(handler, "\"t\":\n  - do: { info: {} }\n", unsupported: list);

        Assert.Equal(TestStatus.Unsupported, result.Status);
        Assert.True(result.Listed);
        Assert.Equal("nested documents are outside the subset", result.Message);
        Assert.DoesNotContain(handler.Requests, r => r.StartsWith("GET / ", StringComparison.Ordinal) && handler.Requests.Count > 1);
    }

    [Theory]
    [InlineData(400, TestStatus.Unsupported)]
    [InlineData(200, TestStatus.Passed)]
    public async Task SetupBlockedFile_IsUnsupportedOnlyWhileItsSetupFails(int createStatus, TestStatus expected)
    {
        var handler = new FakeElasticsearchHandler();
        handler.Respond("PUT /test", createStatus, createStatus == 200 ? """{"acknowledged":true}""" : """{"error":{"type":"mapper_parsing_exception"},"status":400}""");
        var list = UnsupportedList.Parse("setup_blocked:\n  unit/10_inline.yml: setup maps an ip field\n");
        const string yaml = "setup:\n  - do: { indices.create: { index: test } }\n---\n\"t\":\n  - do: { info: {} }\n  - match: { name: fake }\n";

        var result = await InlineRunner.RunAsync(handler, yaml, unsupported: list);

        Assert.True(expected == result.Status, result.Message);
        Assert.Equal(expected == TestStatus.Unsupported, result.Listed);
    }

    [Fact]
    public async Task SetupBlockedFile_StillFailsOnItsOwnSteps()
    {
        var handler = new FakeElasticsearchHandler();
        handler.Respond("PUT /test", 200, """{"acknowledged":true}""");
        var list = UnsupportedList.Parse("setup_blocked:\n  unit/10_inline.yml: setup maps an ip field\n");
        const string yaml = "setup:\n  - do: { indices.create: { index: test } }\n---\n\"t\":\n  - do: { info: {} }\n  - match: { name: other }\n";

        var result = await InlineRunner.RunAsync(handler, yaml, unsupported: list);

        Assert.Equal(TestStatus.Failed, result.Status);
        Assert.False(result.Listed);
    }

    [Fact]
    public async Task KnownDifference_SkipsOnlyThatMatch()
    {
        var handler = new FakeElasticsearchHandler();
        handler.Respond("GET /test/_doc/1", 200, """{"_index":"test","_id":"1","found":true}""");
        var list = UnsupportedList.Parse("known_differences:\n  - file: unit/10_inline.yml\n    field: '\\._type$|^_type$'\n    expected: _doc\n    reason: 7.x type\n");
        const string yaml = "\"t\":\n  - do: { get: { index: test, id: \"1\" } }\n  - match: { _type: _doc }\n  - match: { _id: \"1\" }\n";

        var result = await InlineRunner.RunAsync(handler, yaml, unsupported: list);

        Assert.True(result.Status == TestStatus.Passed, result.Message);
        Assert.Contains(result.Notes, n => n.Contains("7.x type", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownApi_IsUnsupported()
    {
        var result = await InlineRunner.RunAsync(new FakeElasticsearchHandler(), "\"t\":\n  - do: { snapshot.create: { repository: r, snapshot: s } }\n");

        Assert.Equal(TestStatus.Unsupported, result.Status);
        Assert.Contains("snapshot.create", result.Message, StringComparison.Ordinal);
    }
}
