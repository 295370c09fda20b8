using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Api;

namespace Gateway.Conformance.Tests.UnitTests;

public class RequestFactoryTests
{
    [Theory]
    [InlineData("index", """{"index":"test","id":"1","refresh":true,"body":{"a":1}}""", "POST", "/test/_doc/1?refresh=true")]
    [InlineData("index", """{"index":"test","body":{"a":1}}""", "POST", "/test/_doc")]
    [InlineData("get", """{"index":"test","id":"a b"}""", "GET", "/test/_doc/a%20b")]
    [InlineData("exists", """{"index":"test","id":"1"}""", "HEAD", "/test/_doc/1")]
    [InlineData("search", """{"rest_total_hits_as_int":true,"body":{}}""", "POST", "/_search?rest_total_hits_as_int=true")]
    [InlineData("search", """{"index":["a","b*"]}""", "GET", "/a,b*/_search")]
    [InlineData("indices.refresh", "{}", "GET", "/_refresh")]
    [InlineData("indices.get_alias", """{"index":"test","name":"al"}""", "GET", "/test/_alias/al")]
    [InlineData("cluster.health", """{"wait_for_status":"yellow"}""", "GET", "/_cluster/health?wait_for_status=yellow")]
    [InlineData("indices.create", """{"index":"test","body":{}}""", "PUT", "/test")]
    [InlineData("indices.put_alias", """{"index":"test","name":"al"}""", "PUT", "/test/_alias/al")]
    public void Build_PicksTheFullestPathAndMethod(string api, string arguments, string method, string path)
    {
        var request = RequestFactory.Build(RestApiCatalog.Find(api)!, (JsonObject)JsonNode.Parse(arguments)!);

        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.PathAndQuery);
    }

    [Fact]
    public void Build_WritesBulkBodiesAsNdJson()
    {
        var arguments = (JsonObject)JsonNode.Parse("""{"refresh":true,"body":[{"index":{"_index":"t","_id":"1"}},{"f":"é"},"{\"delete\":{\"_index\":\"t\",\"_id\":\"2\"}}"]}""")!;

        var request = RequestFactory.Build(RestApiCatalog.Find("bulk")!, arguments);

        Assert.Equal("application/x-ndjson", request.ContentType);
        Assert.Equal("{\"index\":{\"_index\":\"t\",\"_id\":\"1\"}}\n{\"f\":\"é\"}\n{\"delete\":{\"_index\":\"t\",\"_id\":\"2\"}}\n", request.Body);
    }

    [Fact]
    public void Build_ReportsParametersTheSpecDoesNotDefine()
    {
        var request = RequestFactory.Build(RestApiCatalog.Find("get")!, (JsonObject)JsonNode.Parse("""{"index":"t","id":"1","nonsense":1}""")!);

        Assert.Equal(["nonsense"], request.UnknownParams);
    }

    [Fact]
    public void Build_CollectsIgnoredStatuses()
    {
        var request = RequestFactory.Build(RestApiCatalog.Find("get")!, (JsonObject)JsonNode.Parse("""{"index":"t","id":"1","ignore":404}""")!);

        Assert.Contains(404, request.IgnoredStatuses);
        Assert.Equal("/t/_doc/1", request.PathAndQuery);
    }
}
