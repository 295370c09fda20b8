namespace Gateway.Admin;

/// <summary>The key a sign-in attempt is throttled under: the caller's address (after trusted proxies only).</summary>
internal static class SignInClient
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";
}
