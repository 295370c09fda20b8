using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>Elasticsearch's index name rules.</summary>
internal static class IndexNames
{
    private static readonly char[] Invalid = [' ', '"', '*', ',', '/', '<', '>', '?', '\\', '|', '#', ':'];

    public static void Validate(string name)
    {
        string? problem = null;
        if (name.Length == 0)
        {
            problem = "must not be empty";
        }
        else if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            problem = "must be lowercase";
        }
        else if (name[0] is '_' or '-' or '+')
        {
            problem = "must not start with '_', '-', or '+'";
        }
        else if (name is "." or "..")
        {
            problem = "must not be '.' or '..'";
        }
        else if (name.IndexOfAny(Invalid) >= 0)
        {
            problem = name.Contains(':', StringComparison.Ordinal)
                ? "must not contain ':'"
                : name.Contains('#', StringComparison.Ordinal)
                    ? "must not contain '#'"
                    : "must not contain the following characters [' ', '\"', '*', ',', '/', '<', '>', '?', '\\', '|']";
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(name) > 255)
        {
            problem = "index name is too long, (" + System.Text.Encoding.UTF8.GetByteCount(name) + " > 255)";
        }

        if (problem is not null)
        {
            throw new StoreException(400, "invalid_index_name_exception", "Invalid index name [" + name + "], " + problem, name);
        }
    }

    /// <summary>
    /// Whether a delete or close names every index (<c>_all</c>, <c>*</c>), which <c>action.destructive_requires_name</c> refuses.
    /// </summary>
    public static bool IsDestructiveWildcard(string expression) =>
        expression is "_all" or "*" || expression.Split(',').Any(p => p.Trim() is "*" or "_all");

    public static bool IsWildcard(string expression) => expression.Contains('*', StringComparison.Ordinal);

    /// <summary>Simple glob match supporting <c>*</c> anywhere.</summary>
    public static bool Matches(string pattern, string name)
    {
        if (!IsWildcard(pattern))
        {
            return string.Equals(pattern, name, StringComparison.Ordinal);
        }

        var parts = pattern.Split('*');
        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal)
            || name.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = name.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0 || found + parts[i].Length > name.Length - parts[^1].Length)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return true;
    }
}
