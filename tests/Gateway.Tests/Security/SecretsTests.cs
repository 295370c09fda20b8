using System.ComponentModel.DataAnnotations;
using Gateway.Api;
using Gateway.Tests.Infrastructure;
using Gateway.Upstream;

namespace Gateway.Tests.Security;

/// <summary>Secrets and server paths stay out of answers and logs (issue 14 part 5).</summary>
public sealed class SecretsTests
{
    [Fact]
    public void UpstreamUrlCredentials_LeaveTheNodesAndBecomeTheClientsCredentials()
    {
        var options = new UpstreamOptions { Url = "http://elastic:p%40ss@es1:9200, http://elastic:p%40ss@es2:9200" };

        Assert.Equal(["http://es1:9200/", "http://es2:9200/"], options.Nodes.Select(n => n.ToString()));
        Assert.Equal("elastic", options.ClientUsername);
        Assert.Equal("p@ss", options.ClientPassword);
        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData("UpstreamUsername")]
    [InlineData("UpstreamApiKey")]
    public void UpstreamUrlCredentials_AndConfiguredCredentials_AreRefusedAtStartUp(string setting)
    {
        var options = new UpstreamOptions { Url = "http://elastic:s3cret@es1:9200" };
        if (setting == "UpstreamUsername")
        {
            options.Username = "gateway";
        }
        else
        {
            options.ApiKey = "a2V5";
        }

        var error = Assert.Single(Validate(options));
        Assert.Contains("keep one", error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model files missing in /var/lib/gateway/models/siglip2 (run models download)", "model files missing in [path] (run models download)")]
    [InlineData("see /_gateway", "see /_gateway")]
    [InlineData(@"no model at C:\gateway\models, fetch it", "no model at [path], fetch it")]
    public void PathRedactor_HidesAbsolutePaths(string message, string expected) =>
        Assert.Equal(expected, PathRedactor.Redact(message));

    [Fact]
    public async Task Health_ForAnonymousCallers_ShowsNeitherThePasswordNorServerPaths()
    {
        using var dir = new TempDirectory();
        using var host = GatewayHost.Start(dir.Path, null, new Dictionary<string, string?> { ["Upstream:Url"] = "http://elastic:s3cret@127.0.0.1:9" });

        using var response = await host.Http.GetAsync("/_gateway/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("http://127.0.0.1:9/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", body, StringComparison.Ordinal);
        Assert.DoesNotContain(dir.Path, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPageModelNotice_ForAnonymousCallers_ShowsNoServerPaths()
    {
        using var dir = new TempDirectory();
        using var host = GatewayHost.Start(dir.Path, null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ui");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await host.Http.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("is not available", page, StringComparison.Ordinal);
        Assert.Contains("[path]", page, StringComparison.Ordinal);
        Assert.DoesNotContain(dir.Path, page, StringComparison.Ordinal);
    }

    private static List<ValidationResult> Validate(UpstreamOptions options) =>
        [.. options.Validate(new ValidationContext(options))];
}
