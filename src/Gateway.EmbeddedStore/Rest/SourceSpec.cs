using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>What part of <c>_source</c> an answer carries (<c>_source</c>, <c>_source_includes</c>, <c>_source_excludes</c>, <c>stored_fields</c>).</summary>
internal sealed record SourceSpec(bool Fetch, IReadOnlyList<string> Includes, IReadOnlyList<string> Excludes, IReadOnlyList<string>? StoredFields)
{
    public static SourceSpec All { get; } = new(true, [], [], null);

    /// <summary><c>_source_exclude_vectors</c> (URL) or <c>_source.exclude_vectors</c> (mget entry); null follows the index setting.</summary>
    public bool? ExcludeVectors { get; init; }

    public static SourceSpec FromQuery(RestRequest request)
    {
        var storedFields = Split(request.Param("stored_fields"));
        var includes = Split(request.Param("_source_includes") ?? request.Param("_source_include")) ?? [];
        var excludes = Split(request.Param("_source_excludes") ?? request.Param("_source_exclude")) ?? [];
        var fetch = storedFields is null;
        if (request.Param("_source") is { } source)
        {
            switch (source)
            {
                case "true" or "":
                    fetch = true;
                    break;
                case "false":
                    fetch = false;
                    break;
                default:
                    fetch = true;
                    includes = Split(source) ?? [];
                    break;
            }
        }
        else if (includes.Count > 0 || excludes.Count > 0)
        {
            fetch = true;
        }

        return new SourceSpec(fetch, includes, excludes, storedFields)
        {
            ExcludeVectors = request.Param("_source_exclude_vectors") is not null ? request.Flag("_source_exclude_vectors", true) : null,
        };
    }

    /// <summary>Overrides from an mget doc entry (<c>_source</c>, <c>stored_fields</c>).</summary>
    public SourceSpec With(JsonObject doc)
    {
        var spec = this;
        if (doc["stored_fields"] is { } stored)
        {
            spec = spec with { StoredFields = Strings(stored), Fetch = false };
        }

        switch (doc["_source"])
        {
            case null:
                break;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                spec = spec with { Fetch = v.GetValueKind() == JsonValueKind.True };
                break;
            case JsonObject o:
                spec = spec with
                {
                    Fetch = true,
                    Includes = o["includes"] is { } i ? Strings(i) : o["include"] is { } i2 ? Strings(i2) : [],
                    Excludes = o["excludes"] is { } e ? Strings(e) : o["exclude"] is { } e2 ? Strings(e2) : [],
                    ExcludeVectors = o["exclude_vectors"] is JsonValue x ? x.GetValue<bool>() : spec.ExcludeVectors,
                };
                break;
            case var other:
                spec = spec with { Fetch = true, Includes = Strings(other) };
                break;
        }

        return spec;
    }

    /// <summary>The _source to return, or null when none is fetched.</summary>
    public JsonNode? Render(byte[] source, Indices.IndexState index)
    {
        if (!Fetch || index.Mapping.Compiled.Source.Stored(JsonNode.Parse(source)!.AsObject()) is not { } node)
        {
            return null;
        }

        var filtered = Includes.Count == 0 && Excludes.Count == 0 ? node : DocumentSourceFilter.Apply(node, Includes, Excludes);
        return ExcludeVectors ?? index.ExcludeSourceVectors ? Mapping.SourceVectors.Strip(filtered, index.Mapping.Compiled)
            : index.ExcludeSourceVectors ? Search.Knn.VectorRendering.Synthesize(filtered, index.Mapping.Compiled) : filtered;
    }

    private static List<string>? Split(string? value) =>
        value is null ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static List<string> Strings(JsonNode node) => node switch
    {
        JsonArray array => array.Select(a => a!.GetValue<string>()).ToList(),
        JsonValue value => Split(value.GetValue<string>()) ?? [],
        _ => [],
    };
}
