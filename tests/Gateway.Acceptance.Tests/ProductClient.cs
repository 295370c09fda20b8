using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gateway.Acceptance.Tests;

/// <summary>What a user (or a script) does with the running product, over HTTP only.</summary>
internal static class ProductClient
{
    public static async Task<JsonNode> GetJsonAsync(this ShippedGateway gateway, string path)
    {
        using var response = await gateway.Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendJsonAsync(this ShippedGateway gateway, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Waits until the catalog has been built by itself (a catalog-rebuild job succeeded) and returns the job.</summary>
    public static Task<JsonNode> WaitForCatalogAsync(this ShippedGateway gateway) =>
        gateway.WaitForAsync("the catalog to be built by itself", async () =>
        {
            var jobs = (await gateway.GetJsonAsync("/_gateway/jobs"))["jobs"]!.AsArray();
            var job = jobs.FirstOrDefault(j => j!["kind"]!.GetValue<string>() == "catalog-rebuild");
            Assert.NotEqual("failed", job?["state"]?.GetValue<string>());
            return job?["state"]?.GetValue<string>() == "succeeded" ? job : null;
        });

    /// <summary>Waits for a job to succeed and returns it.</summary>
    public static Task<JsonNode> WaitForJobAsync(this ShippedGateway gateway, string jobId) =>
        gateway.WaitForAsync($"job {jobId}", async () =>
        {
            var job = await gateway.GetJsonAsync("/_gateway/jobs/" + jobId);
            var state = job["state"]!.GetValue<string>();
            Assert.True(state is not ("failed" or "cancelled"), $"job {jobId} {state}: {job.ToJsonString()}");
            return state == "succeeded" ? job : null;
        });

    /// <summary>Adds an album through the API and waits for its first scan.</summary>
    public static async Task<JsonNode> AddAlbumAndWaitAsync(this ShippedGateway gateway, string name, string folder)
    {
        var (status, body) = await gateway.SendJsonAsync(HttpMethod.Post, "/_gateway/albums", new { name, folder });
        Assert.True(status == HttpStatusCode.Created, $"adding album {name}: {(int)status} {body?.ToJsonString()}");
        return await gateway.WaitForJobAsync(body!["scan_job_id"]!.GetValue<string>());
    }

    public static async Task<JsonNode> SearchAsync(this ShippedGateway gateway, object body)
    {
        var (status, response) = await gateway.SendJsonAsync(HttpMethod.Post, "/photos/_search", body);
        Assert.True(status == HttpStatusCode.OK, $"search: {(int)status} {response?.ToJsonString()}");
        return response!;
    }

    public static JsonArray Hits(this JsonNode response) => response["hits"]!["hits"]!.AsArray();
}
