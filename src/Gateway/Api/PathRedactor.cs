using System.Text.RegularExpressions;

namespace Gateway.Api;

/// <summary>Replaces absolute file system paths in a message with <c>[path]</c>, for callers who are not the admin.</summary>
internal static partial class PathRedactor
{
    public static string? Redact(string? message) => message is null ? null : AbsolutePath().Replace(message, "[path]");

    // A Unix path of two or more segments (/app/models/x, not /_gateway) or a Windows drive path (C:\data\x).
    [GeneratedRegex(@"(?<![\w:/])/(?:[^\s'""\]\),;/]+/)+[^\s'""\]\),;]*|\b[A-Za-z]:\\[^\s'""\]\),;]*")]
    private static partial Regex AbsolutePath();
}
