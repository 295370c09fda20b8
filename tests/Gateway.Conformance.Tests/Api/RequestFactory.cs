using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Assertions;

namespace Gateway.Conformance.Tests.Api;

/// <summary>
/// Maps a <c>do</c> step's API name and arguments to a request the way Elasticsearch's YAML runner does: the path
/// with the most parts that the arguments fill, the remaining arguments as query parameters, <c>body</c> as the body.
/// </summary>
internal static class RequestFactory
{
    public static ApiRequest Build(ApiSpec spec, JsonObject arguments)
    {
        JsonNode? body = null;
        var ignored = new HashSet<int>();
        var pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = new List<(string Name, string Value)>();
        var unknown = new List<string>();
        foreach (var (name, value) in arguments)
        {
            switch (name)
            {
                case "body":
                    body = value;
                    break;
                case "ignore":
                    foreach (var status in value is JsonArray list ? list.ToList() : [value])
                    {
                        ignored.Add(int.Parse(JsonValues.ToText(status), CultureInfo.InvariantCulture));
                    }

                    break;
                default:
                    if (spec.PathParts.Contains(name))
                    {
                        pathValues[name] = FormatParam(value);
                    }
                    else
                    {
                        query.Add((name, FormatParam(value)));
                        if (!spec.QueryParams.Contains(name))
                        {
                            unknown.Add(name);
                        }
                    }

                    break;
            }
        }

        var path = spec.Paths
            .Where(p => p.Parts.All(pathValues.ContainsKey))
            .OrderByDescending(p => p.Parts.Count)
            .FirstOrDefault()
            ?? throw new ArgumentException($"no path of api [{spec.Name}] can be filled from [{string.Join(", ", pathValues.Keys)}]");
        foreach (var part in spec.PathParts.Where(p => !path.Parts.Contains(p) && pathValues.ContainsKey(p)))
        {
            // A part the chosen path does not use is sent as a parameter, as the Java client does.
            query.Add((part, pathValues[part]));
        }

        var url = new StringBuilder(path.Template);
        foreach (var part in path.Parts)
        {
            url.Replace("{" + part + "}", EscapePathPart(pathValues[part]));
        }

        if (query.Count > 0)
        {
            url.Append('?').AppendJoin('&', query.Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value)));
        }

        var text = body is null ? null : SerializeBody(body, spec.NdJsonBody);
        var method = ChooseMethod(path.Methods, text is not null);
        var contentType = spec.NdJsonBody ? "application/x-ndjson" : "application/json";
        return new ApiRequest(method, url.ToString(), text, contentType, ignored, unknown);
    }

    private static string ChooseMethod(IReadOnlyList<string> methods, bool hasBody)
    {
        string[] preference = hasBody ? ["POST", "PUT", "GET", "DELETE"] : ["GET", "HEAD", "DELETE", "PUT", "POST"];
        return preference.FirstOrDefault(methods.Contains) ?? methods[0];
    }

    private static string SerializeBody(JsonNode body, bool ndJson)
    {
        if (JsonValues.AsString(body) is { } raw)
        {
            return ndJson && !raw.EndsWith('\n') ? raw + "\n" : raw;
        }

        if (!ndJson)
        {
            return body.ToJsonString(JsonValues.Readable);
        }

        var lines = body is JsonArray array ? array.ToList() : [body];
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(JsonValues.AsString(line) ?? line?.ToJsonString(JsonValues.Readable)).Append('\n');
        }

        return builder.ToString();
    }

    private static string FormatParam(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonArray array => string.Join(",", array.Select(JsonValues.ToText)),
        JsonObject obj => obj.ToJsonString(JsonValues.Readable),
        _ => JsonValues.ToText(value),
    };

    private static string EscapePathPart(string value) =>
        Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal).Replace("%2A", "*", StringComparison.Ordinal);
}
