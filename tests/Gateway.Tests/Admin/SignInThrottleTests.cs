using Gateway.Admin;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Admin;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-06T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task RepeatedFailures_LockOnlyThatClient_ThenBackOffLonger()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("a"));
            Assert.False(await throttle.CheckAsync("a", () => false, CancellationToken.None));
        }

        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("a"));
        Assert.False(await throttle.CheckAsync("a", () => false, CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(30), throttle.RetryAfter("a"));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("b"));

        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("a"));
        Assert.False(await throttle.CheckAsync("a", () => false, CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(60), throttle.RetryAfter("a"));
    }

    [Fact]
    public async Task Success_ClearsTheClientsFailures()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
        {
            await throttle.CheckAsync("a", () => false, CancellationToken.None);
        }

        Assert.True(await throttle.CheckAsync("a", () => true, CancellationToken.None));
        Assert.False(await throttle.CheckAsync("a", () => false, CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("a"));
    }

    [Fact]
    public async Task ManyClientsFailing_LockEveryoneForTheRestOfTheMinute()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.GlobalFailuresPerMinute; i++)
        {
            await throttle.CheckAsync("guesser-" + i, () => false, CancellationToken.None);
        }

        Assert.True(throttle.RetryAfter("the-real-admin") > TimeSpan.Zero);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("the-real-admin"));
    }
}
