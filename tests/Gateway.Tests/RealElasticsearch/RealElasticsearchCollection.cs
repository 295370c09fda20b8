namespace Gateway.Tests.RealElasticsearch;

/// <summary>Scenarios sharing one Elasticsearch container and gateway.</summary>
[CollectionDefinition(Name)]
public sealed class RealElasticsearchCollection : ICollectionFixture<RealElasticsearchFixture>
{
    public const string Name = "real-elasticsearch";
}
