using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.UnitTests;

public class AssertionEngineTests
{
    private const string SearchBody = """
        {"took":3,"hits":{"total":{"value":2,"relation":"eq"},"max_score":1.0,
         "hits":[{"_index":"test","_id":"1","_score":0.9876,"_source":{"title":"Ama Dablam","n":1}},
                 {"_index":"test","_id":"2","_score":0.5,"_source":{"title":"Lhotse","n":2.0}}]}}
        """;

    private static FakeElasticsearchHandler SearchHandler()
    {
        var handler = new FakeElasticsearchHandler();
        handler.Respond("POST /test/_search", 200, SearchBody);
        handler.Respond("HEAD /test/_doc/1", 200, string.Empty);
        handler.Respond("GET /test/_doc/1", 200, """{"_index":"test","_id":"1","found":true,"_source":{"title":"Ama Dablam"}}""");
        return handler;
    }

    private static string Test(string steps) => "\"t\":\n  - do:\n      search:\n        index: test\n        body: { query: { match_all: {} } }\n" + steps;

    [Theory]
    [InlineData("  - match: { hits.total.value: 2 }")]
    [InlineData("  - match: { hits.max_score: 1 }")]
    [InlineData("  - match: { hits.hits.1._source.n: 2 }")]
    [InlineData("  - match: { hits.hits.0._source: { title: Ama Dablam, n: 1 } }")]
    [InlineData("  - match: { hits.hits.0._source.title: /^Ama \\s Dablam$/ }")]
    [InlineData("  - match:\n      hits.hits.0._source.title: |\n        /(?i) AMA   # a comment\n        \\s DABLAM/\n")]
    [InlineData("  - match: { $body: { took: 3, hits: { total: { value: 2, relation: eq }, max_score: 1.0, hits: [ { _index: test, _id: \"1\", _score: 0.9876, _source: { title: Ama Dablam, n: 1 } }, { _index: test, _id: \"2\", _score: 0.5, _source: { title: Lhotse, n: 2.0 } } ] } } }")]
    [InlineData("  - length: { hits.hits: 2 }\n  - length: { hits.hits.0._source.title: 10 }\n  - length: { hits.total: 2 }")]
    [InlineData("  - gt: { hits.total.value: 1 }\n  - gte: { hits.total.value: 2 }\n  - lt: { took: 4 }\n  - lte: { took: 3 }")]
    [InlineData("  - close_to: { hits.hits.0._score: { value: 0.99, error: 0.01 } }")]
    [InlineData("  - exists: hits.hits.0._source\n  - not_exists: hits.hits.0._routing\n  - is_false: hits.hits.0._routing")]
    [InlineData("  - set: { hits.hits.0._id: first }\n  - match: { hits.hits.0._id: $first }\n  - do:\n      get: { index: test, id: $first }\n  - match: { _id: \"${first}\" }")]
    [InlineData("  - set: { hits.hits.1._index: idx }\n  - match: { hits.hits.0._index: $idx }\n  - contains: { hits.hits: { _id: \"2\" } }")]
    public async Task Assertions_HoldOnAMatchingResponse(string steps)
    {
        var result = await InlineRunner.RunAsync(SearchHandler(), Test(steps));

        Assert.True(result.Status == TestStatus.Passed, result.Message);
    }

    [Theory]
    [InlineData("  - match: { hits.total.value: 3 }", "expected [3] but was [2]")]
    [InlineData("  - match: { hits.hits.0._id: 1 }", "expected [1] but was [\"1\"]")]
    [InlineData("  - match: { hits.hits.0._source: { title: Ama Dablam } }", "unexpected field(s) [n]")]
    [InlineData("  - match: { hits.hits.0._source.title: /^Lhotse$/ }", "does not match /^Lhotse$/")]
    [InlineData("  - length: { hits.hits: 3 }", "expected length 3 but was 2")]
    [InlineData("  - gt: { hits.total.value: 2 }", "expected gt [2] but was [2]")]
    [InlineData("  - close_to: { hits.hits.0._score: { value: 0.9, error: 0.01 } }", "expected 0.9 ± 0.01 but was 0.9876")]
    [InlineData("  - is_true: hits.hits.0._routing", "is_true (line")]
    [InlineData("  - is_false: hits.hits.0._id", "is_false (line")]
    [InlineData("  - exists: hits.nope", "exists (line")]
    [InlineData("  - match: { hits.hits.0._id: $never_set }", "stashed value not found for key [never_set]")]
    [InlineData("  - match: { hits.hits.1._source: { title: Lhotse, n: 2 } }", "at [n] expected [2] but was [2.0]")]
    [InlineData("  - match: { took: /3/ }", "expected a string matching /3/ but was [3]")]
    public async Task Assertions_FailWithTheDifference(string steps, string message)
    {
        var result = await InlineRunner.RunAsync(SearchHandler(), Test(steps));

        Assert.Equal(TestStatus.Failed, result.Status);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
    }
}
