namespace Gateway.Admin;

/// <summary>Names shared by the admin pages, the Hangfire dashboard and the sign-in page.</summary>
internal static class AdminAuthentication
{
    /// <summary>The cookie authentication scheme of the admin area.</summary>
    public const string Scheme = "GatewayAdmin";

    /// <summary>The authorization policy for <c>/admin</c> and <c>/jobs</c>: pass it to
    /// <c>RequireAuthorization(...)</c> on any endpoint that only the admin may use.</summary>
    public const string Policy = "GatewayAdmin";

    /// <summary>The sign-in page.</summary>
    public const string SignInPath = "/admin/signin";

    /// <summary>The first-run setup page that creates the admin password.</summary>
    public const string SetupPath = "/admin/setup";
}
