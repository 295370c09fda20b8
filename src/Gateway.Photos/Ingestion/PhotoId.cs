using System.Security.Cryptography;
using System.Text;

namespace Gateway.Photos.Ingestion;

/// <summary>Stable document ids: the same file in the same album has the same id on every run and machine.</summary>
public static class PhotoId
{
    /// <summary>First 32 hex digits of SHA-256("{album}/{relative path with '/' separators}"). The album name is part of the
    /// input so that equal relative paths in two albums stay distinct; Unicode is NFC-normalised so that macOS (NFD) and
    /// Linux spellings of a name agree.</summary>
    public static string For(string album, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(album);
        ArgumentNullException.ThrowIfNull(relativePath);
        var key = album + "/" + relativePath.Replace('\\', '/').Normalize(NormalizationForm.FormC);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }
}
