using Xunit.Abstractions;

namespace Gateway.Conformance.Tests;

/// <summary>Issue 3's groups: search, search.vectors and search.aggregation files.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class SearchConformanceTests(ConformanceFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases => ConformanceCases.For(search: true);

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public Task Yaml(string file, string test) => fixture.AssertAsync(file, test, output);
}
