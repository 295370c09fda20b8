using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Gateway.Acceptance.Tests;

/// <summary>
/// The product started as a user starts it, as a child process. Only three things differ from the defaults: the port
/// (<c>Urls</c>), the data folder (<c>Gateway__DataFolder</c>) and the model folder (<c>Embeddings__ModelDirectory</c>,
/// the generated test model); all of them through environment variables, as a user would set them. The admin is
/// created through the first-run setup page (<see cref="SetUpAdminAsync"/>) and signed in through the sign-in page
/// (<see cref="SignInAsync"/>), as a person does in a browser; <see cref="Http"/> keeps the admin cookie.
/// </summary>
internal sealed partial class ShippedGateway : IAsyncDisposable
{
    /// <summary>The password the tests choose on the first-run setup page.</summary>
    public const string AdminPassword = "acceptance admin password";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly CookieContainer _cookies = new();

    private ShippedGateway(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>How the product names itself in job records (<c>host:pid</c>; the build output runs as this process).</summary>
    public string WorkerName => $"{Environment.MachineName}:{_process.Id}";

    /// <summary>The product's peak resident memory so far (VmHWM of /proc/&lt;pid&gt;/status), in bytes; null where /proc
    /// does not exist. Meaningful for <see cref="RunBuildOutputAsync"/>, whose process is the product itself.</summary>
    public long? PeakWorkingSetBytes => ProcStatus("VmHWM");

    /// <summary>The product's resident memory now (VmRSS), in bytes; null where /proc does not exist.</summary>
    public long? WorkingSetBytes => ProcStatus("VmRSS");

    /// <summary>A client that keeps cookies like a browser: signed in as the admin after <see cref="SetUpAdminAsync"/>
    /// or <see cref="SignInAsync"/>.</summary>
    public HttpClient Http { get; }

    /// <summary>The cookies <see cref="Http"/> holds (the admin's sign-in cookie), for a browser to use.</summary>
    public IReadOnlyList<Cookie> Cookies => [.. _cookies.GetCookies(Address).Cast<Cookie>()];

    /// <summary>What the product printed so far (start-up log, errors).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The README's run command, <c>dotnet run --project src/Gateway</c>, from <paramref name="workingDirectory"/>.
    /// With <c>--no-build</c>: the test run has just built the solution, and building it a second time inside a test
    /// would only repeat that work (and race the other test projects' builds for the same files).</summary>
    public static Task<ShippedGateway> RunProjectAsync(string workingDirectory, string dataFolder, string modelFolder) =>
        StartAsync(workingDirectory, dataFolder, modelFolder,
            "run", "--no-build", "-c", AcceptancePaths.Configuration, "--project", Path.Combine(AcceptancePaths.RepositoryRoot, "src", "Gateway"));

    /// <summary>The build output, <c>dotnet path/to/Gateway.dll</c>, from <paramref name="workingDirectory"/>, with
    /// the extra settings of <paramref name="environment"/> (environment variables, as a user or a container sets them).</summary>
    public static Task<ShippedGateway> RunBuildOutputAsync(string workingDirectory, string dataFolder, string modelFolder, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(workingDirectory, dataFolder, modelFolder, environment, Path.Combine(AcceptancePaths.BuildOutput, "Gateway.dll"));

    private static Task<ShippedGateway> StartAsync(string workingDirectory, string dataFolder, string modelFolder, params string[] arguments) =>
        StartAsync(workingDirectory, dataFolder, modelFolder, null, arguments);

    private static async Task<ShippedGateway> StartAsync(string workingDirectory, string dataFolder, string modelFolder, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Urls"] = address.ToString().TrimEnd('/');
        start.Environment["Gateway__DataFolder"] = dataFolder;
        start.Environment["Embeddings__ModelDirectory"] = modelFolder;

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        // The test process's own settings must not leak into the product.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var gateway = new ShippedGateway(process, address);
        await gateway.WaitForHealthAsync();
        return gateway;
    }

    /// <summary>
    /// The first run's setup, as a newcomer does it on the machine the gateway runs on: before it the admin API refuses
    /// everyone and <c>/admin</c> leads to <c>/admin/setup</c>; its form (with its antiforgery token) chooses the admin
    /// password and signs <see cref="Http"/> in; from then on the admin API wants sign-in and setup is gone.
    /// </summary>
    public async Task SetUpAdminAsync()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await AddAlbumAnonymouslyAsync());
        using (var admin = await GetPageAsync("/admin"))
        {
            Assert.Equal("/admin/setup", admin.RequestMessage!.RequestUri!.AbsolutePath);
        }

        using (var created = await PostFormAsync("/admin/setup", new() { ["Password"] = AdminPassword, ["Confirm"] = AdminPassword }))
        {
            Assert.True(created.StatusCode == HttpStatusCode.OK, $"setup answered {(int)created.StatusCode}:\n{Output}");
            Assert.Equal("/admin", created.RequestMessage!.RequestUri!.AbsolutePath);
        }

        await AssertAdminOnlyAsync();
    }

    /// <summary>Signs <see cref="Http"/> in through <c>/admin/signin</c> with the password chosen at setup, as on any
    /// later run: the admin exists already, so the setup page is gone.</summary>
    public async Task SignInAsync()
    {
        await AssertAdminOnlyAsync();
        using var signedIn = await PostFormAsync("/admin/signin", new() { ["Password"] = AdminPassword });
        Assert.True(signedIn.StatusCode == HttpStatusCode.OK, $"sign-in answered {(int)signedIn.StatusCode}:\n{Output}");
        Assert.Equal("/admin", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private async Task AssertAdminOnlyAsync()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await AddAlbumAnonymouslyAsync());
        using var setup = await GetPageAsync("/admin/setup");
        Assert.Equal(HttpStatusCode.NotFound, setup.StatusCode);
    }

    /// <summary>What a caller without credentials gets for a change through the admin API.</summary>
    private async Task<HttpStatusCode> AddAlbumAnonymouslyAsync()
    {
        using var anonymous = new HttpClient { BaseAddress = Address };
        using var response = await anonymous.PostAsJsonAsync("/_gateway/albums", new { name = "anonymous", folder = "/nowhere" });
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> GetPageAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return await Http.SendAsync(request);
    }

    /// <summary>Posts a page's form as a browser does: with the hidden antiforgery token the page rendered.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields)
    {
        using (var page = await GetPageAsync(path))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)page.StatusCode}");
            var token = TokenPattern().Match(html);
            Assert.True(token.Success, $"no antiforgery token on {path}:\n{html}");
            fields["__RequestVerificationToken"] = token.Groups[1].Value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("text/html");
        return await Http.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private long? ProcStatus(string field)
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Polls <paramref name="check"/> until it returns a value, failing with the product's output after <paramref name="minutes"/>.</summary>
    public async Task<T> WaitForAsync<T>(string what, Func<Task<T?>> check, double minutes = 4)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddMinutes(minutes);
        while (true)
        {
            if (await check() is { } value)
            {
                return value;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited (code {_process.ExitCode}) while waiting for {what}:\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"gave up waiting for {what}:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    private Task WaitForHealthAsync() => WaitForAsync("the gateway to answer /_gateway/health", async () =>
    {
        try
        {
            using var response = await Http.GetAsync("/_gateway/health");
            return response.StatusCode == HttpStatusCode.OK ? "up" : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    });

    /// <summary>Stops the product as a service manager would (SIGTERM), so it shuts down cleanly.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Kills the product as a power cut would (SIGKILL): no shutdown, nothing handed back.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            // Only the process this test started (and its children: dotnet run starts the app as a child).
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
