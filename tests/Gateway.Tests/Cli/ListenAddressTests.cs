using Gateway.Cli;

namespace Gateway.Tests.Cli;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("http://localhost:8080", "http://localhost:8080/")]
    [InlineData("https://127.0.0.1:8443;http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:9000", "http://localhost:9000/")]
    [InlineData("http://+:9000/", "http://localhost:9000/")]
    [InlineData("http://0.0.0.0:7000", "http://localhost:7000/")]
    [InlineData("http://[::]:7001", "http://localhost:7001/")]
    [InlineData("https://gw.example:9443", "https://gw.example:9443/")]
    [InlineData(null, "http://localhost:5000/")]
    [InlineData(" ; ", "http://localhost:5000/")]
    [InlineData("not a url", "http://localhost:5000/")]
    public void FirstClientUri_GivesAnAddressALocalClientCanCall(string? urls, string expected) =>
        Assert.Equal(new Uri(expected), ListenAddress.FirstClientUri(urls));
}
