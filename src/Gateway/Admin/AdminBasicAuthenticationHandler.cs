using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gateway.Admin;

/// <summary>
/// <c>Authorization: Basic</c> with the admin's user name and password, for scripts and the <c>index --server</c>
/// command that call the admin-only API (<c>POST /_gateway/jobs</c>); checked through the same
/// <see cref="SignInThrottle"/> as the sign-in form. It never challenges: the cookie scheme decides the answer.
/// </summary>
internal sealed class AdminBasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminCredentials credentials,
    SignInThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "GatewayAdminBasic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        string user, password;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            (user, password) = colon < 0 ? (pair, "") : (pair[..colon], pair[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("malformed Basic credentials");
        }

        var client = SignInClient.Of(Context);
        if (!credentials.Exists || throttle.RetryAfter(client) > TimeSpan.Zero)
        {
            return AuthenticateResult.Fail("no admin, or too many failed sign-ins");
        }

        var ok = await throttle.CheckAsync(client, () => user == credentials.UserName && credentials.Verify(password), Context.RequestAborted).ConfigureAwait(false);
        if (ok != true)
        {
            return AuthenticateResult.Fail("wrong admin credentials");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.Role, "admin")], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Task.CompletedTask;

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Task.CompletedTask;
}
