using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// Index settings as Elasticsearch keeps them: flat <c>index.*</c> keys with string values,
/// rendered nested by GET _settings.
/// </summary>
internal static class IndexSettings
{
    /// <summary>The private setting Elasticsearch sets on a closed index (<see cref="IndexState.IsClosed"/>).</summary>
    public const string VerifiedBeforeClose = "index.verified_before_close";

    /// <summary>Flattens a settings body (nested or dotted, with or without the <c>index.</c> prefix).</summary>
    public static SortedDictionary<string, string> Flatten(JsonObject? settings)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (settings is not null)
        {
            Flatten(settings, "", result);
        }

        return result;
    }

    /// <summary>
    /// Flattens a settings update (index or cluster settings): nested objects become dotted keys, scalars their text,
    /// null values are kept (they reset the key); index keys get their <c>index.</c> prefix when <paramref name="qualify"/>.
    /// </summary>
    public static SortedDictionary<string, string?> FlattenUpdate(JsonObject settings, bool qualify = true)
    {
        var result = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        Collect(settings, "", result);
        return result;

        void Collect(JsonObject node, string prefix, SortedDictionary<string, string?> into)
        {
            foreach (var (key, value) in node)
            {
                if (value is JsonObject child)
                {
                    Collect(child, prefix + key + ".", into);
                }
                else
                {
                    into[qualify ? Qualify(prefix + key) : prefix + key] = value switch
                    {
                        null => null,
                        JsonArray array => string.Join(",", array.Select(a => a?.ToString())),
                        _ => value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(),
                    };
                }
            }
        }
    }

    private static void Flatten(JsonObject node, string prefix, SortedDictionary<string, string> result)
    {
        foreach (var (key, value) in node)
        {
            var path = prefix + key;
            switch (value)
            {
                case JsonObject child:
                    Flatten(child, path + ".", result);
                    break;
                case null:
                    break;
                case JsonArray array:
                    result[Qualify(path)] = string.Join(",", array.Select(a => a?.ToString()));
                    break;
                default:
                    result[Qualify(path)] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                    break;
            }
        }
    }

    private static string Qualify(string key) => key.StartsWith("index.", StringComparison.Ordinal) ? key : "index." + key;

    public static void Validate(IReadOnlyDictionary<string, string> settings)
    {
        foreach (var key in new[] { "index.number_of_shards", "index.number_of_replicas" })
        {
            if (settings.TryGetValue(key, out var value) && (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0))
            {
                throw StoreException.IllegalArgument("Failed to parse value [" + value + "] for setting [" + key + "] must be >= 0");
            }
        }

        if (settings.TryGetValue("index.number_of_shards", out var shards) && shards == "0")
        {
            throw StoreException.IllegalArgument("Failed to parse value [0] for setting [index.number_of_shards] must be >= 1");
        }

        Mapping.SourceVectors.Validate(settings);
        if (settings.TryGetValue("index.soft_deletes.enabled", out var softDeletes) && softDeletes == "false")
        {
            throw StoreException.IllegalArgument("Creating indices with soft-deletes disabled is no longer supported. Please do not specify a value for setting [index.soft_deletes.enabled].");
        }

        foreach (var (key, value) in settings.Where(s => s.Key.StartsWith("index.blocks.", StringComparison.Ordinal)))
        {
            if (value is not ("true" or "false"))
            {
                throw StoreException.IllegalArgument("Failed to parse value [" + value + "] as only [true] or [false] are allowed.");
            }
        }

        if (settings.TryGetValue("index.auto_expand_replicas", out var expand) && expand != "false"
            && (expand.Split('-') is not [var low, var high] || !int.TryParse(low, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                || (high != "all" && !int.TryParse(high, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))))
        {
            throw StoreException.IllegalArgument("failed to parse [index.auto_expand_replicas] from value: [" + expand + "] at index " + expand.IndexOf('-', StringComparison.Ordinal));
        }

        if (settings.TryGetValue("index.refresh_interval", out var interval) && ParseInterval(interval) is null)
        {
            throw StoreException.IllegalArgument("failed to parse setting [index.refresh_interval] with value [" + interval + "] as a time value: unit is missing or unrecognized");
        }
    }

    /// <summary>Parses a time value (<c>1s</c>, <c>500ms</c>, <c>-1</c>); <see cref="Timeout.InfiniteTimeSpan"/> for -1.</summary>
    public static TimeSpan? ParseInterval(string value)
    {
        if (value is "-1")
        {
            return Timeout.InfiniteTimeSpan;
        }

        var units = new (string Suffix, double Ms)[] { ("nanos", 1e-6), ("micros", 1e-3), ("ms", 1), ("s", 1000), ("m", 60000), ("h", 3600000), ("d", 86400000) };
        foreach (var (suffix, ms) in units)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(value[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return TimeSpan.FromMilliseconds(n * ms);
            }
        }

        return value == "0" ? TimeSpan.Zero : null;
    }

    /// <summary>Renders flat settings as GET _settings shows them (nested objects).</summary>
    public static JsonObject Render(IReadOnlyDictionary<string, string> settings, bool flat)
    {
        var root = new JsonObject();
        foreach (var (key, value) in settings)
        {
            if (flat)
            {
                root[key] = value;
                continue;
            }

            var parts = key.Split('.');
            var node = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (node[parts[i]] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[parts[i]] = child;
                }

                node = child;
            }

            node[parts[^1]] = value;
        }

        return root;
    }
}
