using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>Splits a bulk NDJSON body into operations (action line plus source line where one is required).</summary>
internal static class BulkParser
{
    public readonly record struct Operation(BulkLine Line, ReadOnlyMemory<byte> Source);

    public static List<Operation> Parse(ReadOnlyMemory<byte> body, string? defaultIndex)
    {
        var operations = new List<Operation>();
        var span = body.Span;
        var position = 0;
        var lineNumber = 0;
        while (position < span.Length)
        {
            var (line, next) = NextLine(body, position);
            lineNumber++;
            position = next;
            if (IsBlank(line.Span))
            {
                continue;
            }

            var action = BulkLine.Parse(line.Span, lineNumber);
            if (action.Index is null && defaultIndex is null)
            {
                throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: index is missing;");
            }

            ReadOnlyMemory<byte> source = default;
            if (action.Action != "delete")
            {
                if (position >= span.Length)
                {
                    throw StoreException.IllegalArgument("The bulk request must be terminated by a newline [\\n]");
                }

                (source, position) = NextLine(body, position);
                lineNumber++;
            }

            operations.Add(new Operation(action, source));
        }

        if (operations.Count == 0)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: no requests added;");
        }

        if (span[^1] != (byte)'\n')
        {
            throw StoreException.IllegalArgument("The bulk request must be terminated by a newline [\\n]");
        }

        return operations;
    }

    private static (ReadOnlyMemory<byte> Line, int Next) NextLine(ReadOnlyMemory<byte> body, int position)
    {
        var rest = body.Span[position..];
        var newline = rest.IndexOf((byte)'\n');
        return newline < 0
            ? (body[position..], body.Length)
            : (body.Slice(position, newline), position + newline + 1);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) =>
        line.IndexOfAnyExcept((byte)' ', (byte)'\r', (byte)'\t') < 0;
}
