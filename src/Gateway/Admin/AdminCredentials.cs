using Microsoft.Extensions.Options;

namespace Gateway.Admin;

/// <summary>
/// The admin password hash in force: <c>Gateway:Admin:PasswordHash</c> when configured, otherwise the one the
/// first-run setup page stored in the data folder (<see cref="AdminPasswordFile"/>). With neither, no admin exists yet.
/// </summary>
internal sealed class AdminCredentials(IOptionsMonitor<AdminOptions> options, AdminPasswordFile file)
{
    private readonly Lock _lock = new();
    private string? _stored;
    private bool _loaded;

    /// <summary>The hash to verify against, or null while no admin exists.</summary>
    public string? Hash
    {
        get
        {
            if (options.CurrentValue.HasPassword)
            {
                return options.CurrentValue.PasswordHash;
            }

            lock (_lock)
            {
                if (!_loaded)
                {
                    _stored = file.Read();
                    _loaded = _stored is not null;
                }

                return _stored;
            }
        }
    }

    /// <summary>Whether an admin password exists.</summary>
    public bool Exists => Hash is not null;

    /// <summary>The admin user name.</summary>
    public string UserName => options.CurrentValue.UserName;

    /// <summary>Where the setup page stores the hash.</summary>
    public string FilePath => file.Path;

    /// <summary>Creates the admin password (first run only); false when an admin already exists.</summary>
    public bool TryCreate(string password)
    {
        if (Exists)
        {
            return false;
        }

        var hash = AdminPasswordHash.Create(password);
        lock (_lock)
        {
            if (!file.TryCreate(hash))
            {
                _loaded = false;
                return false;
            }

            (_stored, _loaded) = (hash, true);
            return true;
        }
    }

    /// <summary>True when <paramref name="password"/> is the admin's.</summary>
    public bool Verify(string password) => Hash is { } hash && AdminPasswordHash.Verify(password, hash);
}
