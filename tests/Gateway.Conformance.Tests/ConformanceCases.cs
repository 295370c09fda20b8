namespace Gateway.Conformance.Tests;

/// <summary>Theory rows: one per YAML test, as (file, test name).</summary>
internal static class ConformanceCases
{
    public const string SuiteAbsent = "(conformance suite absent)";

    public static TheoryData<string, string> For(bool search)
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, test) in ConformanceSuite.Tests(search))
        {
            data.Add(file, test);
        }

        if (data.Count == 0)
        {
            // One row that reports the skip, so a machine without ../shared shows why nothing ran.
            data.Add(SuiteAbsent, string.Empty);
        }

        return data;
    }
}
