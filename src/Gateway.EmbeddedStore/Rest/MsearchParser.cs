using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>Splits an <c>_msearch</c> NDJSON body into (header, body) pairs.</summary>
internal static class MsearchParser
{
    public static List<(JsonObject Header, JsonObject? Body)> Parse(ReadOnlyMemory<byte> payload)
    {
        var lines = new List<ReadOnlyMemory<byte>>();
        var position = 0;
        while (position < payload.Length)
        {
            var rest = payload.Span[position..];
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? payload[position..] : payload.Slice(position, newline);
            position = newline < 0 ? payload.Length : position + newline + 1;
            if (line.Span.IndexOfAnyExcept((byte)' ', (byte)'\r', (byte)'\t') >= 0)
            {
                lines.Add(line);
            }
        }

        if (lines.Count == 0)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: no requests added;");
        }

        var result = new List<(JsonObject, JsonObject?)>();
        for (var i = 0; i < lines.Count; i += 2)
        {
            var header = RestJson.ParseObject(lines[i]);
            if (i + 1 >= lines.Count)
            {
                throw StoreException.IllegalArgument("The msearch request must be terminated by a newline [\\n]");
            }

            var body = RestJson.ParseObject(lines[i + 1]);
            result.Add((header, body.Count == 0 ? null : body));
        }

        return result;
    }
}
