using Gateway.Conformance.Tests.Runner;
using Gateway.Conformance.Tests.Yaml;

namespace Gateway.Conformance.Tests.UnitTests;

/// <summary>Runs inline YAML tests against a <see cref="FakeElasticsearchHandler"/>.</summary>
internal static class InlineRunner
{
    public static async Task<TestResult> RunAsync(FakeElasticsearchHandler handler, string yaml, string? testName = null, UnsupportedList? unsupported = null)
    {
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://fake.local/") };
        var client = new ConformanceClient(http);
        var server = await ServerInfo.FetchAsync(client, CancellationToken.None);
        var file = TestFileParser.Parse("unit/10_inline.yml", yaml);
        var runner = new YamlTestRunner(client, new PrerequisiteEvaluator(client, server, embedded: true), unsupported ?? UnsupportedList.Empty);
        return await runner.RunAsync(file, testName ?? file.Tests[0].Name);
    }
}
