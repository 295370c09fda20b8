namespace Gateway.Admin;

/// <summary>Who may use <c>/admin</c> and <c>/jobs</c> (configuration section <c>Gateway:Admin</c>).</summary>
internal sealed class AdminOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Gateway:Admin";

    /// <summary>The admin user name shown on the sign-in form.</summary>
    public string UserName { get; set; } = "admin";

    /// <summary>
    /// The admin password as <c>pbkdf2-sha256$iterations$salt-base64$hash-base64</c> (see <see cref="AdminPasswordHash"/>).
    /// With none configured, the first-run setup page (<c>/admin/setup</c>, direct loopback only) creates one and keeps
    /// it in the data folder; until then nobody is admin. Set it from the environment (<c>Gateway__Admin__PasswordHash</c>),
    /// never in a committed file; when set it wins over the stored one.
    /// </summary>
    public string? PasswordHash { get; set; }

    /// <summary>Whether a password is configured.</summary>
    public bool HasPassword => !string.IsNullOrWhiteSpace(PasswordHash);
}
