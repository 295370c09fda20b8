using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Tests.Indices;

public sealed class IndexNamesTests
{
    [Theory]
    [InlineData("photos*", "photos-v1", true)]
    [InlineData("*-v1", "photos-v1", true)]
    [InlineData("p*t*s", "photos", true)]
    [InlineData("p*x", "photos", false)]
    [InlineData("photos", "photos-v1", false)]
    [InlineData("*", "anything", true)]
    [InlineData("a*a", "a", false)]
    public void Matches_GlobPatterns(string pattern, string name, bool expected) =>
        Assert.Equal(expected, IndexNames.Matches(pattern, name));
}
