using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Rewrite;

/// <summary>
/// The gateway's viewpoint filter: a body-root <c>"peak_in_frame": {"id": "ama-dablam", "max_km": 15, "min_km": 2,
/// "from_bearing": [180, 270]}</c> (or an array of them, all required) keeps the photos that geometry put the peak in
/// frame of, taken within the distances and from the side of the peak given by the bearing from the summit to the
/// camera (clockwise from north; a range whose start is past its end wraps through north). Each becomes an ordinary
/// <c>nested</c> filter over the photos index's <c>peaks_in_frame</c> objects, so Elasticsearch sees a plain query.
/// </summary>
internal static class PeakInFrameFilter
{
    public const string Key = "peak_in_frame";
    public const string Path = "peaks_in_frame";

    /// <summary>Reads, validates (the id against the catalog) and removes the body's <c>peak_in_frame</c>; the filters it becomes.</summary>
    public static async ValueTask<List<JsonNode>> TakeAsync(JsonObject body, IQueryVectorSource catalog, CancellationToken cancellationToken)
    {
        if (!body.TryGetPropertyValue(Key, out var node))
        {
            return [];
        }

        body.Remove(Key);
        var specs = node switch
        {
            JsonObject single => [single],
            JsonArray array when array.Count > 0 && array.All(s => s is JsonObject) => array.Select(s => s!.AsObject()).ToList(),
            _ => throw RewriteException.BadRequest($"[{Key}] must be an object {{\"id\", \"max_km\", \"min_km\", \"from_bearing\"}} or a non-empty array of them"),
        };
        var filters = new List<JsonNode>(specs.Count);
        foreach (var spec in specs)
        {
            filters.Add(await ToFilterAsync(spec, catalog, cancellationToken).ConfigureAwait(false));
        }

        return filters;
    }

    private static async ValueTask<JsonNode> ToFilterAsync(JsonObject spec, IQueryVectorSource catalog, CancellationToken cancellationToken)
    {
        foreach (var (name, _) in spec)
        {
            if (name is not ("id" or "max_km" or "min_km" or "from_bearing"))
            {
                throw RewriteException.BadRequest($"[{Key}] unknown field [{name}]; expected [id], [max_km], [min_km] or [from_bearing]");
            }
        }

        var id = spec["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var text) && text.Trim().Length > 0
            ? text
            : throw RewriteException.BadRequest($"[{Key}.id] must be a catalog peak id (a non-empty string)");
        if (!await catalog.IsCatalogPeakAsync(id, cancellationToken).ConfigureAwait(false))
        {
            throw RewriteException.BadRequest($"[{Key}.id] unknown peak [{id}]: no catalog peak has this id");
        }

        var clauses = new JsonArray(new JsonObject { ["term"] = new JsonObject { [Path + ".id"] = id } });
        var maxKm = Number(spec, "max_km");
        var minKm = Number(spec, "min_km");
        if (maxKm is <= 0)
        {
            throw RewriteException.BadRequest($"[{Key}.max_km] must be greater than 0 but was [{maxKm}]");
        }

        if (minKm is < 0 || (minKm is { } min && maxKm is { } max && min > max))
        {
            throw RewriteException.BadRequest($"[{Key}.min_km] must be at least 0 and at most [max_km] but was [{minKm}]");
        }

        if (maxKm is not null || minKm is not null)
        {
            var range = new JsonObject();
            if (minKm is { } lower)
            {
                range["gte"] = lower;
            }

            if (maxKm is { } upper)
            {
                range["lte"] = upper;
            }

            clauses.Add(new JsonObject { ["range"] = new JsonObject { [Path + ".distance_km"] = range } });
        }

        if (spec["from_bearing"] is { } bearing)
        {
            clauses.Add(BearingClause(bearing));
        }

        return new JsonObject
        {
            ["nested"] = new JsonObject
            {
                ["path"] = Path,
                ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = clauses } },
            },
        };
    }

    private static JsonNode BearingClause(JsonNode bearing)
    {
        if (bearing is not JsonArray { Count: 2 } pair || Degrees(pair[0]) is not { } from || Degrees(pair[1]) is not { } to)
        {
            throw RewriteException.BadRequest($"[{Key}.from_bearing] must be [from, to] with two numbers of degrees in 0-360 but was [{bearing.ToJsonString()}]");
        }

        const string field = Path + ".bearing_from_peak_deg";
        static JsonObject Range(double gte, double lte) => new() { ["range"] = new JsonObject { [field] = new JsonObject { ["gte"] = gte, ["lte"] = lte } } };
        if (from <= to)
        {
            return Range(from, to);
        }

        // Wraps through north, e.g. [300, 30]: 300-360 or 0-30.
        return new JsonObject { ["bool"] = new JsonObject { ["should"] = new JsonArray(Range(from, 360), Range(0, to)), ["minimum_should_match"] = 1 } };
    }

    private static double? Degrees(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.GetValue<double>() is var d && d is >= 0 and <= 360 ? d : null;

    private static double? Number(JsonObject spec, string name) => spec[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
        var other => throw RewriteException.BadRequest($"[{Key}.{name}] must be a number of kilometres but was [{other.ToJsonString()}]"),
    };
}
