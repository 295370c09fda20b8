using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>
/// JSON strictness shared by request bodies and documents: duplicate keys are refused, as
/// Elasticsearch refuses them (Jackson's strict duplicate detection), and so is text that is not
/// UTF-8. The error details (which key, where) are found on the failure path only.
/// </summary>
internal static class JsonSyntax
{
    /// <summary>Options for every parse of client JSON: duplicate keys fail the parse.</summary>
    public static readonly JsonDocumentOptions Strict = new() { MaxDepth = 256, AllowDuplicateProperties = false };

    /// <summary>The first key that repeats within one object, with its 1-based line and column; null when none does.</summary>
    public static (string Name, long Line, long Column)? FirstDuplicateKey(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        var keys = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (!keys.Peek().Add(name))
                        {
                            var (line, column) = Position(json, (int)reader.TokenStartIndex);
                            return (name, line, column);
                        }

                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed before any duplicate: the parser's own error says what is wrong.
        }

        return null;
    }

    /// <summary>Where <paramref name="text"/> stops being UTF-8 and Jackson's description of the bad byte; null when it is all UTF-8.</summary>
    public static (string Reason, long Line, long Column)? FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        if (Utf8.IsValid(text))
        {
            return null;
        }

        var offset = 0;
        Span<char> scratch = stackalloc char[512];
        while (offset < text.Length)
        {
            var status = Utf8.ToUtf16(text[offset..], scratch, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status == System.Buffers.OperationStatus.InvalidData || status == System.Buffers.OperationStatus.NeedMoreData)
            {
                break;
            }
        }

        offset = Math.Min(offset, text.Length - 1);
        var first = text[offset];
        var isLead = first is >= 0xC2 and <= 0xF4;
        var reason = isLead && offset + 1 < text.Length
            ? "Invalid UTF-8 middle byte 0x" + text[offset + 1].ToString("x2", System.Globalization.CultureInfo.InvariantCulture)
            : "Invalid UTF-8 start byte 0x" + first.ToString("x2", System.Globalization.CultureInfo.InvariantCulture);
        var (line, column) = Position(text, offset);
        return (reason, line, column);
    }

    private static (long Line, long Column) Position(ReadOnlySpan<byte> text, int offset)
    {
        var before = text[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
