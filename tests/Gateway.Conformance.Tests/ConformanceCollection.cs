namespace Gateway.Conformance.Tests;

/// <summary>One collection, so every row shares one server and runs serially (each test deletes every index).</summary>
[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<ConformanceFixture>
{
    public const string Name = "Elasticsearch YAML conformance";
}
