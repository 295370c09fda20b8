using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gateway.Tests.Infrastructure;

/// <summary>Starts a job through <c>POST /_gateway/jobs</c> and polls its progress until it finishes.</summary>
internal static class JobRunner
{
    public static async Task<JsonNode> RunAsync(GatewayHost host, string body)
    {
        var response = await host.Http.PostAsync("/_gateway/jobs", EsRequests.Json(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();
        for (var i = 0; i < 1200; i++)
        {
            var job = JsonNode.Parse(await host.Http.GetStringAsync("/_gateway/jobs/" + jobId))!;
            if (!job["is_active"]!.GetValue<bool>())
            {
                Assert.True(job["state"]!.GetValue<string>() == "succeeded", job.ToJsonString());
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("job " + jobId + " did not finish");
    }
}
