using System.Text;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>
/// Scored searches fill pooled per-document arrays that go back to the pool when the search ends: searches running
/// at the same time, and searches after a failed one, must still see only their own scores.
/// </summary>
public sealed class ScratchArraysTests
{
    private static readonly string[] Queries =
    [
        """{"query":{"match":{"caption":"prayer flags"}},"size":20}""",
        """{"query":{"bool":{"must":[{"match":{"caption":"glacier"}}],"should":[{"term":{"album":"ebc"}}],"filter":[{"range":{"alt":{"gte":4000}}}]}},"size":20}""",
        """{"query":{"dis_max":{"queries":[{"match":{"caption":"yak"}},{"match":{"caption":"ridge"}}],"tie_breaker":0.3}},"size":20}""",
        """{"query":{"bool":{"should":[{"match":{"caption":"tea house"}},{"match":{"caption":"stupa"}}],"minimum_should_match":1}},"size":20}""",
    ];

    [Fact]
    public async Task ConcurrentAndFailedSearches_DoNotShareScores()
    {
        using var store = StoreHarness.InMemory();
        await store.OkAsync("PUT", "/trek", """{"mappings":{"properties":{"caption":{"type":"text"},"album":{"type":"keyword"},"alt":{"type":"integer"}}}}""");
        var words = new[] { "prayer", "flags", "glacier", "yak", "ridge", "tea", "house", "stupa", "summit", "moraine" };
        var random = new Random(5);
        var bulk = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            var caption = string.Join(' ', Enumerable.Range(0, 5).Select(_ => words[random.Next(words.Length)]));
            bulk.Append("{\"index\":{\"_id\":\"").Append(i).Append("\"}}\n");
            bulk.Append("{\"caption\":\"").Append(caption).Append("\",\"album\":\"").Append(i % 3 == 0 ? "ebc" : "gokyo").Append("\",\"alt\":").Append(3000 + (i * 7 % 2500)).Append("}\n");
        }

        await store.OkAsync("POST", "/trek/_bulk?refresh=true", bulk.ToString());
        var expected = new List<string>();
        foreach (var query in Queries)
        {
            expected.Add(Hits(await store.OkAsync("POST", "/trek/_search", query)));
        }

        var (badStatus, _) = await store.SendAsync("POST", "/trek/_search", """{"query":{"bool":{"must":[{"match":{"caption":"yak"}},{"range":{"alt":{"gte":"not a number"}}}]}}}""");
        var runs = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
            (i % Queries.Length, Hits(await store.OkAsync("POST", "/trek/_search", Queries[i % Queries.Length]))))));

        Assert.Equal(400, badStatus);
        Assert.All(expected, e => Assert.Contains("_score", e, StringComparison.Ordinal));
        Assert.All(runs, run => Assert.Equal(expected[run.Item1], run.Item2));
    }

    private static string Hits(System.Text.Json.Nodes.JsonNode response) => response["hits"]!.ToJsonString();
}
