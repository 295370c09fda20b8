using Gateway.Admin;

namespace Gateway.Browser.Tests.Ui;

public sealed class AdminPasswordHashTests
{
    // Made with Python's hashlib.pbkdf2_hmac('sha256', b'hunter2', b'0123456789abcdef', 1000, 32), as docs/ui.md shows.
    private const string PythonHash = "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$pj4T35D2v4tYmC1sTJ1y5tcMADOdtnQGvuHmyYDQh2g=";

    [Fact]
    public void Verify_AcceptsAHashMadeByPython() => Assert.True(AdminPasswordHash.Verify("hunter2", PythonHash));

    [Fact]
    public void Create_RoundTripsAndSaltsEachHash()
    {
        var a = AdminPasswordHash.Create("s3cret pässwörd", 1000);
        var b = AdminPasswordHash.Create("s3cret pässwörd", 1000);
        Assert.NotEqual(a, b);
        Assert.True(AdminPasswordHash.Verify("s3cret pässwörd", a));
        Assert.False(AdminPasswordHash.Verify("s3cret passwort", a));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hunter2")]
    [InlineData("pbkdf2-sha1$1000$MDEyMzQ1Njc4OWFiY2RlZg==$pj4T35D2v4tYmC1sTJ1y5tcMADOdtnQGvuHmyYDQh2g=")]
    [InlineData("pbkdf2-sha256$x$MDEyMzQ1Njc4OWFiY2RlZg==$pj4T35D2v4tYmC1sTJ1y5tcMADOdtnQGvuHmyYDQh2g=")]
    [InlineData("pbkdf2-sha256$1000$not base64$pj4T35D2v4tYmC1sTJ1y5tcMADOdtnQGvuHmyYDQh2g=")]
    [InlineData("pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==")]
    public void Verify_RejectsMalformedHashes(string? hash)
    {
        Assert.False(AdminPasswordHash.IsWellFormed(hash));
        Assert.False(AdminPasswordHash.Verify("hunter2", hash));
    }
}
