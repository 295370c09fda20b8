using Xunit.Abstractions;

namespace Gateway.Conformance.Tests;

/// <summary>Issue 2's groups: document, bulk, index, get, delete, count, mget, info, exists and indices.* files.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class FoundationConformanceTests(ConformanceFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases => ConformanceCases.For(search: false);

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public Task Yaml(string file, string test) => fixture.AssertAsync(file, test, output);
}
