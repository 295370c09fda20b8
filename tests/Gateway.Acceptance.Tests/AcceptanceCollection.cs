namespace Gateway.Acceptance.Tests;

/// <summary>The acceptance tests start whole products: one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class AcceptanceCollection
{
    public const string Name = "acceptance";
}
