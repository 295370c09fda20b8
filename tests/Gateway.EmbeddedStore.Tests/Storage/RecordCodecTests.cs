using System.Buffers;
using Gateway.EmbeddedStore.Storage;

namespace Gateway.EmbeddedStore.Tests.Storage;

public sealed class RecordCodecTests
{
    [Fact]
    public void Encode_ThenDecode_RoundTripsEveryField()
    {
        var buffer = new ArrayBufferWriter<byte>();
        RecordCodec.Encode(new LogRecord { Op = LogOp.IndexDoc, IndexUuid = "uuid", Id = "ア-1", Version = 3, SeqNo = 7, PrimaryTerm = 1, Source = """{"a":1}"""u8.ToArray() }, buffer);

        var consumed = RecordCodec.TryDecode(buffer.WrittenSpan, out var record);

        Assert.Equal(buffer.WrittenCount, consumed);
        Assert.Equal(LogOp.IndexDoc, record!.Op);
        Assert.Equal("ア-1", record.Id);
        Assert.Equal((3L, 7L, 1L), (record.Version, record.SeqNo, record.PrimaryTerm));
        Assert.Equal("""{"a":1}""", System.Text.Encoding.UTF8.GetString(record.Source.Span));
    }

    [Fact]
    public void TryDecode_RejectsTruncatedAndCorruptedFrames()
    {
        var buffer = new ArrayBufferWriter<byte>();
        RecordCodec.Encode(new LogRecord { Op = LogOp.DeleteDoc, IndexUuid = "u", Id = "1", Version = 2 }, buffer);
        var bytes = buffer.WrittenSpan.ToArray();
        var corrupted = bytes.ToArray();
        corrupted[^1] ^= 0x40;

        Assert.Equal(0, RecordCodec.TryDecode(bytes.AsSpan(0, bytes.Length - 1), out _));
        Assert.Equal(0, RecordCodec.TryDecode(corrupted, out _));
        Assert.Equal(0, RecordCodec.TryDecode(bytes.AsSpan(0, 5), out _));
    }
}
