namespace Gateway.Tests.Infrastructure;

/// <summary>Tests sharing one seeded gateway.</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
