using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Tests.Indices;

public sealed class ShardRoutingTests
{
    // Elasticsearch's Murmur3HashFunctionTests (the string's UTF-16 little-endian bytes, seed 0).
    [Theory]
    [InlineData("hell", 0x5a0cb7c3)]
    [InlineData("hello", unchecked((int)0xd7c31989))]
    [InlineData("hello w", 0x22ab2984)]
    [InlineData("hello wo", unchecked((int)0xdf0ca123))]
    [InlineData("hello wor", unchecked((int)0xe7744d61))]
    [InlineData("The quick brown fox jumps over the lazy dog", unchecked((int)0xe07db09c))]
    [InlineData("The quick brown fox jumps over the lazy cog", 0x4e63d2ad)]
    public void Murmur3_MatchesElasticsearch(string value, int expected)
    {
        Assert.Equal(expected, ShardRouting.Murmur3(value));
    }
}
