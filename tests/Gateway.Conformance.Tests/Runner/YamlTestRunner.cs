using Gateway.Conformance.Tests.Yaml;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>
/// Runs one YAML test: prerequisites, setup, the test's steps, teardown, then deletes every index.
/// </summary>
internal sealed class YamlTestRunner(ConformanceClient client, PrerequisiteEvaluator prerequisites, UnsupportedList unsupported, bool runListed = false)
{
    private const string SetupPrefix = "setup: ";

    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(2);

    public async Task<TestResult> RunAsync(YamlTestFile file, string testName)
    {
        var test = file.Tests.FirstOrDefault(t => t.Name == testName)
            ?? throw new ArgumentException($"[{file.RelativePath}] has no test [{testName}]", nameof(testName));
        var listedReason = unsupported.ReasonFor(file.RelativePath, testName);
        if (listedReason is not null && !runListed)
        {
            return new TestResult(file.RelativePath, testName, TestStatus.Unsupported, listedReason, Listed: true, []);
        }

        using var timeout = new CancellationTokenSource(TestTimeout);
        var token = timeout.Token;
        foreach (var section in new[] { file.Setup?.Prerequisites, file.Teardown?.Prerequisites, test.Prerequisites })
        {
            if (section is not null && await prerequisites.EvaluateAsync(section, token) is { } verdict)
            {
                return new TestResult(file.RelativePath, testName, verdict.Status, verdict.Reason, listedReason is not null, []);
            }
        }

        var context = new TestExecutionContext(client, file.RelativePath, unsupported.KnownDifferences);
        var (status, message) = await RunStepsAsync(context, file, test, token);
        if (await IndexCleaner.DeleteAllAsync(client, CancellationToken.None) is { } cleanupFailure && status == TestStatus.Passed)
        {
            (status, message) = (TestStatus.Failed, cleanupFailure);
        }

        if (status == TestStatus.Failed && message.StartsWith(SetupPrefix, StringComparison.Ordinal)
            && unsupported.SetupBlockedReason(file.RelativePath) is { } blocked)
        {
            // The file's shared setup needs something outside the subset: the test never got to run its own steps.
            return new TestResult(file.RelativePath, testName, TestStatus.Unsupported, $"{blocked} ({message})", Listed: true, context.Notes);
        }

        return new TestResult(file.RelativePath, testName, status, message, listedReason is not null, context.Notes);
    }

    private static async Task<(TestStatus, string)> RunStepsAsync(TestExecutionContext context, YamlTestFile file, TestSection test, CancellationToken token)
    {
        (TestStatus, string) outcome = (TestStatus.Passed, string.Empty);
        try
        {
            await RunSectionAsync(context, file.Setup, "setup", token);
            await RunSectionAsync(context, test, "test", token);
        }
        catch (StepFailedException e)
        {
            outcome = (TestStatus.Failed, e.Message);
        }
        catch (UnsupportedException e)
        {
            outcome = (TestStatus.Unsupported, e.Message);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or FormatException)
        {
            outcome = (TestStatus.Failed, $"{e.GetType().Name}: {e.Message}");
        }

        try
        {
            await RunSectionAsync(context, file.Teardown, "teardown", token);
        }
        catch (Exception e) when (e is StepFailedException or UnsupportedException or HttpRequestException or OperationCanceledException)
        {
            if (outcome.Item1 == TestStatus.Passed)
            {
                outcome = (TestStatus.Failed, $"teardown: {e.Message}");
            }
        }

        return outcome;
    }

    private static async Task RunSectionAsync(TestExecutionContext context, TestSection? section, string label, CancellationToken token)
    {
        if (section is null)
        {
            return;
        }

        foreach (var step in section.Steps)
        {
            try
            {
                await step.ExecuteAsync(context, token);
            }
            catch (StepFailedException e) when (label != "test")
            {
                throw new StepFailedException($"{label}: {e.Message}", e);
            }
        }
    }
}
