namespace Gateway.Rewrite.Tests;

public sealed class SearchEndpointTests
{
    [Theory]
    [InlineData("/_search", true, SearchEndpointKind.Search, null)]
    [InlineData("/photos/_search", true, SearchEndpointKind.Search, "photos")]
    [InlineData("/photos,peaks_catalog/_search/", true, SearchEndpointKind.Search, "photos,peaks_catalog")]
    [InlineData("/photos%2Cpeaks_catalog/_search", true, SearchEndpointKind.Search, "photos,peaks_catalog")]
    [InlineData("/_msearch", true, SearchEndpointKind.MultiSearch, null)]
    [InlineData("/photos/_msearch", true, SearchEndpointKind.MultiSearch, "photos")]
    [InlineData("/photos/_doc/1", false, SearchEndpointKind.Search, null)]
    [InlineData("/photos/_search/template", false, SearchEndpointKind.Search, null)]
    [InlineData("/_bulk", false, SearchEndpointKind.Search, null)]
    [InlineData("/_cat/_search", false, SearchEndpointKind.Search, null)]
    [InlineData("/", false, SearchEndpointKind.Search, null)]
    public void TryParse_RecognisesSearchPaths(string path, bool expected, SearchEndpointKind kind, string? index)
    {
        var ok = SearchEndpoint.TryParse(path, out var actualKind, out var actualIndex);

        Assert.Equal(expected, ok);
        if (expected)
        {
            Assert.Equal(kind, actualKind);
        }

        Assert.Equal(index, actualIndex);
    }
}
