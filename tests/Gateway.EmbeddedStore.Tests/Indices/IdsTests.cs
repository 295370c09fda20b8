using Gateway.EmbeddedStore.Indices;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.EmbeddedStore.Tests.Indices;

public sealed class IdsTests
{
    [Fact]
    public void NewDocumentId_StartsWithTheProvidersTime()
    {
        var now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
        var id = Ids.NewDocumentId(new FakeTimeProvider(now));

        var bytes = Convert.FromBase64String(id.Replace('-', '+').Replace('_', '/'));
        var millis = 0L;
        for (var i = 0; i < 6; i++)
        {
            millis = (millis << 8) | bytes[i];
        }

        Assert.Equal(20, id.Length);
        Assert.Equal(now.ToUnixTimeMilliseconds(), millis);
    }
}
