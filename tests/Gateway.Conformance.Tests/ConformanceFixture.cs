using System.Collections.Concurrent;
using Gateway.Conformance.Tests.Runner;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Gateway.Conformance.Tests;

/// <summary>
/// Shared by every conformance row: the target server, the runner and the results, which are written to
/// <c>TestResults/conformance-summary.md</c> at the end of the run.
/// </summary>
public sealed class ConformanceFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly ConcurrentQueue<TestResult> _results = new();
    private readonly SemaphoreSlim _serial = new(1, 1);
    private ConformanceTarget? _target;
    private YamlTestRunner? _runner;
    private ServerInfo? _server;

    internal string? UnavailableReason { get; private set; }

    internal static bool RunListed => Environment.GetEnvironmentVariable("CONFORMANCE_RUN_UNSUPPORTED") == "1";

    public async Task InitializeAsync()
    {
        if (!ConformanceSuite.IsAvailable)
        {
            UnavailableReason = ConformanceSuite.MissingReason;
            return;
        }

        _target = ConformanceTarget.Create();
        var client = new ConformanceClient(_target.Http);
        _server = await ServerInfo.FetchAsync(client, CancellationToken.None);
        var unsupported = UnsupportedList.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "unsupported.yaml")));
        _runner = new YamlTestRunner(client, new PrerequisiteEvaluator(client, _server, _target.Embedded), unsupported, RunListed);
    }

    /// <summary>Runs one YAML test and turns its outcome into an xunit pass, skip or failure.</summary>
    internal async Task AssertAsync(string file, string test, ITestOutputHelper output)
    {
        Skip.If(UnavailableReason is not null, UnavailableReason);
        var yamlFile = ConformanceSuite.Load(file);
        TestResult result;
        await _serial.WaitAsync();
        try
        {
            result = await _runner!.RunAsync(yamlFile, test);
        }
        finally
        {
            _serial.Release();
        }

        _results.Enqueue(result);
        output.WriteLine($"{result.Status}: {file} / {test}");
        foreach (var note in result.Notes)
        {
            output.WriteLine(note);
        }

        switch (result.Status)
        {
            case TestStatus.Passed:
                return;
            case TestStatus.Skipped:
                Skip.If(true, $"not applicable: {result.Message}");
                return;
            case TestStatus.Unsupported when result.Listed:
                Skip.If(true, $"unsupported: {result.Message}");
                return;
            case TestStatus.Unsupported:
                Assert.Fail($"unsupported but not listed in unsupported.yaml: {result.Message}");
                return;
            case TestStatus.Failed when result.Listed:
                Skip.If(true, $"listed as unsupported; fails: {result.Message}");
                return;
            default:
                Assert.Fail(result.Message);
                return;
        }
    }

    public Task DisposeAsync()
    {
        if (!_results.IsEmpty && _server is not null && _target is not null)
        {
            var results = _results.ToList();
            var path = SummaryWriter.Write(results, _target.Description, _server.VersionText);
            // Printed by `dotnet test` because xunit.runner.json turns diagnostic messages on.
            diagnostics.OnMessage(new DiagnosticMessage(SummaryWriter.Totals(results, path)));
        }

        _target?.Dispose();
        _serial.Dispose();
        return Task.CompletedTask;
    }
}
