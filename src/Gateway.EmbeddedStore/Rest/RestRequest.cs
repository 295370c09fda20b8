using System.Globalization;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>One REST call, transport-neutral: method, decoded path segments, query and body.</summary>
internal sealed class RestRequest
{
    public required string Method { get; init; }

    /// <summary>The raw path as received (for error messages).</summary>
    public required string RawPath { get; init; }

    public required IReadOnlyList<string> Segments { get; init; }

    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    public string? Accept { get; init; }

    /// <summary>Path placeholders captured by the router (<c>index</c>, <c>id</c>, ...).</summary>
    public Dictionary<string, string> RouteValues { get; } = new(StringComparer.Ordinal);

    public bool HasBody => !Body.IsEmpty && Body.Span.IndexOfAnyExcept("  \n\r\t"u8) >= 0;

    public string Route(string name) => RouteValues[name];

    public string? RouteOrNull(string name) => RouteValues.GetValueOrDefault(name);

    public string? Param(string name) => Query.GetValueOrDefault(name);

    /// <summary>A boolean query parameter; a bare <c>?flag</c> means true, like Elasticsearch.</summary>
    public bool Flag(string name, bool fallback)
    {
        if (!Query.TryGetValue(name, out var value))
        {
            return fallback;
        }

        return value switch
        {
            "" or "true" => true,
            "false" => false,
            _ => throw StoreException.IllegalArgument(
                "Failed to parse value [" + value + "] as only [true] or [false] are allowed."),
        };
    }

    public long? LongParam(string name)
    {
        if (!Query.TryGetValue(name, out var value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw StoreException.IllegalArgument("Failed to parse long parameter [" + name + "] with value [" + value + "]");
    }

    public int? IntParam(string name)
    {
        if (!Query.TryGetValue(name, out var value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw StoreException.IllegalArgument("Failed to parse int parameter [" + name + "] with value [" + value + "]");
    }
}
