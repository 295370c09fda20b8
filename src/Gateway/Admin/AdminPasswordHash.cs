using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Admin;

/// <summary>
/// PBKDF2 password hashes in the text form <c>pbkdf2-sha256$iterations$salt-base64$hash-base64</c>
/// (HMAC-SHA-256, 16-byte salt, 32-byte key), so that a hash made by Python's <c>hashlib.pbkdf2_hmac</c> verifies here.
/// </summary>
internal static class AdminPasswordHash
{
    /// <summary>The scheme prefix.</summary>
    public const string Scheme = "pbkdf2-sha256";

    /// <summary>Iterations of a new hash (OWASP 2023 guidance for PBKDF2-HMAC-SHA256).</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>Hashes <paramref name="password"/> with a fresh random salt.</summary>
    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1000);
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(key));
    }

    /// <summary>True when <paramref name="hash"/> is well formed.</summary>
    public static bool IsWellFormed(string? hash) => TryParse(hash, out _, out _, out _);

    /// <summary>True when <paramref name="password"/> matches <paramref name="hash"/>; false for a malformed hash.</summary>
    public static bool Verify(string password, string? hash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(hash, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParse(string? hash, out int iterations, out byte[] salt, out byte[] key)
    {
        iterations = 0;
        salt = [];
        key = [];
        var parts = hash?.Trim().Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            key = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= 8 && key.Length >= 16;
    }
}
