using System.Collections.Concurrent;
using Gateway.Hosting;
using Gateway.Upstream;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Hosting;

public sealed class UpstreamOptionsTests
{
    [Fact]
    public void UpstreamSection_BindsEveryKey()
    {
        using var host = Build(new()
        {
            ["Upstream:Url"] = "http://es1:9200",
            ["Upstream:Username"] = "gateway",
            ["Upstream:Password"] = "secret",
            ["Upstream:CertificateFingerprint"] = "AB:CD",
            ["Upstream:ForwardedHeaders"] = "true",
        }, out _);

        var options = host.Services.GetRequiredService<IOptions<UpstreamOptions>>().Value;

        Assert.Equal(("http://es1:9200", "gateway", "secret", "AB:CD", true), (options.Url, options.Username, options.Password, options.CertificateFingerprint, options.ForwardedHeaders));
        Assert.Equal(["http://es1:9200/"], options.Nodes.Select(n => n.ToString()));
    }

    [Fact]
    public void UpstreamSection_BindsTheApiKey()
    {
        using var host = Build(new() { ["Upstream:Url"] = "http://es1:9200", ["Upstream:ApiKey"] = "a2V5" }, out _);

        Assert.Equal("a2V5", host.Services.GetRequiredService<IOptions<UpstreamOptions>>().Value.ApiKey);
    }

    [Fact]
    public async Task LegacyKeys_StillWork_AndAWarningNamesTheNewKeyOnce()
    {
        using var host = Build(new()
        {
            ["Gateway:Upstream"] = "http://es1:9200",
            ["Gateway:UpstreamUsername"] = "gateway",
            ["Gateway:UpstreamPassword"] = "secret",
            ["Gateway:ForwardedHeaders"] = "true",
            ["Upstream:CertificateFingerprint"] = "AB:CD",
        }, out var logs);

        var options = host.Services.GetRequiredService<IOptions<UpstreamOptions>>().Value;
        await host.Services.GetServices<IHostedService>().OfType<UpstreamLegacyKeysWarning>().Single().StartAsync(CancellationToken.None);

        Assert.Equal(("http://es1:9200", "gateway", "secret", "AB:CD", true), (options.Url, options.Username, options.Password, options.CertificateFingerprint, options.ForwardedHeaders));
        Assert.Equal(
            [
                "The setting Gateway:Upstream is deprecated and still used: set Upstream:Url instead",
                "The setting Gateway:UpstreamUsername is deprecated and still used: set Upstream:Username instead",
                "The setting Gateway:UpstreamPassword is deprecated and still used: set Upstream:Password instead",
                "The setting Gateway:ForwardedHeaders is deprecated and still used: set Upstream:ForwardedHeaders instead",
            ],
            logs);
    }

    [Fact]
    public void LegacyKey_SetTheSameAsTheNewKey_IsNoConflict()
    {
        using var host = Build(new() { ["Gateway:Upstream"] = "http://es1:9200", ["Upstream:Url"] = "http://es1:9200" }, out _);

        Assert.Equal("http://es1:9200", host.Services.GetRequiredService<IOptions<UpstreamOptions>>().Value.Url);
    }

    [Fact]
    public void LegacyAndNewKey_WithDifferentValues_FailValidationNamingBoth()
    {
        using var host = Build(new() { ["Gateway:UpstreamPassword"] = "old-secret", ["Upstream:Password"] = "new-secret" }, out _);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<UpstreamOptions>>().Value);

        Assert.Contains("Upstream:Password", error.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway:UpstreamPassword", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message.Replace("Gateway:UpstreamPassword", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings, out ConcurrentQueue<string> logs)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        var captured = new ConcurrentQueue<string>();
        builder.Logging.AddProvider(new CapturingLoggerProvider(captured));
        builder.AddUpstream();
        logs = captured;
        return builder.Build();
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> messages) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(UpstreamLegacyKeysWarning).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
