using Elastic.Transport;

namespace Gateway.Upstream;

/// <summary>A caller's <c>Authorization</c> header as the transport's per-request credentials, scheme and parameters unchanged.</summary>
internal sealed class CallerAuthorization : AuthorizationHeader
{
    private readonly string _parameters;

    public CallerAuthorization(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        AuthScheme = space < 0 ? header : header[..space];
        _parameters = space < 0 ? "" : header[(space + 1)..].Trim();
    }

    public override string AuthScheme { get; }

    public override bool TryGetAuthorizationParameters(out string value)
    {
        value = _parameters;
        return value.Length > 0;
    }
}
