using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gateway.Tests.Security;

/// <summary>
/// Secure defaults (issue 14 part 3): first-run setup on direct loopback only, sign-in from then on, lockout that
/// forwarded headers cannot dodge, Host filtering and no cross-site writes. Each test starts its own fresh gateway.
/// </summary>
public sealed partial class AdminAccessTests : IDisposable
{
    private const string Password = "first run password";
    private readonly TempDirectory _dir = new();
    private readonly GatewayHost _host;

    public AdminAccessTests() =>
        _host = GatewayHost.Start(_dir.Path, null, new Dictionary<string, string?>
        {
            // As with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true: on its own it must not make X-Forwarded-For count.
            ["FORWARDEDHEADERS_ENABLED"] = "true",
        });

    [Fact]
    public async Task FirstRun_SetupOnDirectLoopbackOnly_StoresAHashAndRequiresSignInFromThenOn()
    {
        using var browser = Browser();
        using var admin = await browser.GetAsync("/admin");
        Assert.Equal("/admin/setup", admin.RequestMessage!.RequestUri!.AbsolutePath);

        using (var proxied = new HttpRequestMessage(HttpMethod.Get, "/admin/setup"))
        {
            proxied.Headers.Add("X-Forwarded-For", "127.0.0.1");
            using var response = await browser.SendAsync(proxied);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var beforeSetup = await PostJobAsync(_host.Http, null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, beforeSetup.StatusCode);
        }

        using var created = await PostFormAsync(browser, "/admin/setup", new() { ["Password"] = Password, ["Confirm"] = Password });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("/admin", created.RequestMessage!.RequestUri!.AbsolutePath);

        var stored = File.ReadAllText(Path.Combine(_dir.Path, "admin-password"));
        Assert.StartsWith("pbkdf2-sha256$", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, stored, StringComparison.Ordinal);
        using (var again = await browser.GetAsync("/admin/setup"))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/admin");
        anonymous.Headers.Accept.ParseAdd("application/json");
        using (var response = await _host.Http.SendAsync(anonymous))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var jobs = await _host.Http.GetAsync("/jobs"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, jobs.StatusCode);
        }

        using (var noCredentials = await PostJobAsync(_host.Http, null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, noCredentials.StatusCode);
        }

        using var withCredentials = await PostJobAsync(_host.Http, Basic("admin", Password));
        Assert.Equal(HttpStatusCode.BadRequest, withCredentials.StatusCode);
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_LockTheClientOut_WhateverXForwardedForSays()
    {
        using var browser = Browser();
        using (await PostFormAsync(browser, "/admin/setup", new() { ["Password"] = Password, ["Confirm"] = Password }))
        {
        }

        // No trusted proxy is named, so every guess counts against the connection's own address (loopback).
        for (var i = 0; i < 8; i++)
        {
            using var guess = await PostJobAsync(_host.Http, Basic("admin", "guess " + i), forwardedFor: $"203.0.113.{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
        }

        using (var lockedOut = await PostJobAsync(_host.Http, Basic("admin", Password), forwardedFor: "198.51.100.7"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, lockedOut.StatusCode);
        }

        using var form = await PostFormAsync(Browser(), "/admin/signin", new() { ["Password"] = Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.NotNull(form.Headers.RetryAfter);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:8080")]
    [InlineData("localhost.evil.example")]
    public async Task ForeignHostHeader_IsRefused(string host)
    {
        foreach (var target in new[] { "/admin", "/", "/_gateway/health", "/admin/setup" })
        {
            var (status, _) = await RawHttp.SendAsync(_host.Address, new FuzzRequest("host", "GET", target, [("Host", host), ("Accept", "text/html")], []), CancellationToken.None);
            Assert.Equal(400, status);
        }

        var (local, _) = await RawHttp.SendAsync(_host.Address, new FuzzRequest("host", "GET", "/_gateway/health", [("Host", "localhost:9200")], []), CancellationToken.None);
        Assert.NotEqual(400, local);
    }

    [Theory]
    [InlineData("text/plain", "http://evil.example", null)]
    [InlineData("application/json", "http://evil.example", null)]
    [InlineData("application/json", null, "cross-site")]
    [InlineData("application/json", "null", null)]
    public async Task CrossSiteWrites_ToTheGatewayApi_AreRefused(string contentType, string? origin, string? fetchSite)
    {
        foreach (var target in new[] { "/_gateway/jobs", "/_gateway/jobs/x/_cancel", "/_gateway/embed", "/_gateway/identify" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent("""{"type":"incremental-scan","album":"t"}""", Encoding.UTF8, contentType) };
            request.Headers.Authorization = Basic("admin", Password);
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            if (fetchSite is not null)
            {
                request.Headers.Add("Sec-Fetch-Site", fetchSite);
            }

            using var response = await _host.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("cross-site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task JobsApi_TextPlainBody_IsRefusedEvenFromTheSameOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_gateway/jobs") { Content = new StringContent("""{"type":"incremental-scan","album":"t"}""", Encoding.UTF8, "text/plain") };
        request.Headers.Add("Origin", _host.Address.GetLeftPart(UriPartial.Authority));

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }

    private HttpClient Browser()
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = _host.Address, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    private static async Task<HttpResponseMessage> PostJobAsync(HttpClient http, AuthenticationHeaderValue? credentials, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_gateway/jobs") { Content = new StringContent("""{"type":"no-such-job"}""", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = credentials;
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path);
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
