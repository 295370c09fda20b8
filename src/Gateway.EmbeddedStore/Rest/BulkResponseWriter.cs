using System.Buffers;
using System.Text.Json;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>
/// Writes a bulk answer straight to UTF-8 (a large bulk has thousands of items; building them as
/// JSON nodes first cost more than the writes). Same shape and member order as
/// <see cref="WriteResponses.Outcome"/> and <see cref="ErrorRenderer.Cause"/>.
/// </summary>
internal static class BulkResponseWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, SkipValidation = true };

    public static byte[] Write(long took, bool errors, IReadOnlyList<BulkItemResult> items, bool forcedRefresh)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (items.Count * 180));
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("took"u8, took);
            writer.WriteBoolean("errors"u8, errors);
            writer.WriteStartArray("items"u8);
            foreach (var item in items)
            {
                writer.WriteStartObject();
                writer.WriteStartObject(item.Action);
                if (item.Outcome is { } outcome)
                {
                    var noop = outcome.Result == "noop";
                    writer.WriteString("_index"u8, outcome.Index.Name);
                    writer.WriteString("_id"u8, outcome.Id);
                    writer.WriteNumber("_version"u8, outcome.Version);
                    writer.WriteString("result"u8, outcome.Result);
                    if (forcedRefresh && !noop)
                    {
                        writer.WriteBoolean("forced_refresh"u8, true);
                    }

                    writer.WriteStartObject("_shards"u8);
                    writer.WriteNumber("total"u8, noop ? 0 : 1 + outcome.Index.Replicas);
                    writer.WriteNumber("successful"u8, noop ? 0 : 1);
                    writer.WriteNumber("failed"u8, 0);
                    writer.WriteEndObject();
                    writer.WriteNumber("_seq_no"u8, outcome.SeqNo);
                    writer.WriteNumber("_primary_term"u8, outcome.PrimaryTerm);
                    writer.WriteNumber("status"u8, item.Status);
                    if (item.Get is { } get)
                    {
                        writer.WritePropertyName("get"u8);
                        get.WriteTo(writer);
                    }
                }
                else
                {
                    writer.WriteString("_index"u8, item.Index);
                    if (item.Id is null)
                    {
                        writer.WriteNull("_id"u8);
                    }
                    else
                    {
                        writer.WriteString("_id"u8, item.Id);
                    }

                    writer.WriteNumber("status"u8, item.Status);
                    writer.WritePropertyName("error"u8);
                    ErrorRenderer.Cause(item.Error!, includeRootCause: false).WriteTo(writer);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
