using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.TestModels;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gateway.Tests.Admin;

/// <summary>
/// The model page's choice of export (issue 16): an admin switches the running gateway from fp32 to int8 through the
/// page's POST, health reports the new variant, the choice survives a restart, and an unknown variant is refused.
/// The test model's int8 towers are copies of its fp32 ones under the export's names.
/// </summary>
public sealed partial class ModelVariantPageTests : IDisposable
{
    private const string Password = "variant test password";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly string _model;
    private GatewayHost _host;

    public ModelVariantPageTests()
    {
        _model = TestModelFactory.WriteTo(Path.Combine(_dir.Path, "model"), variants: "int8").Directory;
        _host = Start();
    }

    [Fact]
    public async Task SwitchToInt8_ThroughTheModelPage_HealthReportsIt_AndItSurvivesARestart()
    {
        Assert.Equal("fp32", await ActiveVariantAsync());
        using var browser = await BrowserAsync();
        var page = await browser.GetStringAsync("/admin");
        Assert.Contains("id=\"variant-int8\"", page, StringComparison.Ordinal);
        Assert.Matches(@"<code>int8</code></label></td>\s*<td>downloaded</td>", page);

        using var switched = await PostVariantAsync(browser, "int8");

        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal("/admin", switched.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("int8", await WaitForVariantAsync("int8"));

        // Health reports the new export as soon as the service answers with it; the switch is done (and the choice written)
        // a moment later.
        var after = await WaitForPageAsync(browser, "Switched from fp32 to int8");
        Assert.Contains("Switched from fp32 to int8", after, StringComparison.Ordinal);
        Assert.Contains("\"int8\"", File.ReadAllText(Path.Combine(_dir.Path, "model-variant.json")), StringComparison.Ordinal);
        Assert.Contains("id=\"reindex-after-switch\"", after, StringComparison.Ordinal);

        _host.Dispose();
        _host = Start();

        Assert.Equal("int8", await ActiveVariantAsync());
    }

    [Fact]
    public async Task UnknownVariant_IsRefusedWithTheReason_AndNothingChanges()
    {
        Assert.Equal("fp32", await ActiveVariantAsync());
        using var browser = await BrowserAsync();

        using var refused = await PostVariantAsync(browser, "int9");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("has no variant [int9]; it has: fp32", body, StringComparison.Ordinal);
        Assert.Equal("fp32", await ActiveVariantAsync());
        Assert.False(File.Exists(Path.Combine(_dir.Path, "model-variant.json")));
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }

    private GatewayHost Start() => GatewayHost.Start(_dir.Path, _model, new Dictionary<string, string?>
    {
        ["Gateway:Admin:PasswordHash"] = Gateway.Admin.AdminPasswordHash.Create(Password, 1000),
        ["Embeddings:TextBatch"] = "1",
        ["Embeddings:ImageBatch"] = "1",
    });

    /// <summary>A browser signed in through the sign-in form (its cookie).</summary>
    private async Task<HttpClient> BrowserAsync()
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = _host.Address, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var form = await client.GetStringAsync("/admin/signin");
        using var signedIn = await client.PostAsync("/admin/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = Password,
            ["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value,
        }));
        Assert.Equal("/admin", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    private static async Task<HttpResponseMessage> PostVariantAsync(HttpClient browser, string variant)
    {
        var page = await browser.GetStringAsync("/admin");
        var token = TokenPattern().Match(page).Groups[1].Value;
        return await browser.PostAsync("/admin?handler=Variant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["variant"] = variant,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static async Task<string> WaitForPageAsync(HttpClient browser, string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        var page = await browser.GetStringAsync("/admin");
        while (!page.Contains(text, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            page = await browser.GetStringAsync("/admin");
        }

        return page;
    }

    /// <summary>The variant health reports once the model has loaded (loading happens in the background at start-up).</summary>
    private Task<string?> ActiveVariantAsync() => WaitForVariantAsync(null);

    private async Task<string?> WaitForVariantAsync(string? expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        string? variant = null;
        while (DateTime.UtcNow < deadline)
        {
            var health = JsonNode.Parse(await _host.Http.GetStringAsync("/_gateway/health"))!;
            variant = health["model"]?["variant"]?.GetValue<string>();
            if (health["model"]?["state"]?.GetValue<string>() == "ready" && (expected is null || variant == expected))
            {
                return variant;
            }

            await Task.Delay(50);
        }

        return variant;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
