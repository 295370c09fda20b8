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
    public void TryDecode_UnpackedIndexDocOfOlderFiles_StillReads()
    {
        // Op 6 with the source as a plain block, as files written before source packing hold it.
        var payload = new List<byte> { 6 };
        void Block(byte[] bytes)
        {
            payload.AddRange(BitConverter.GetBytes(bytes.Length));
            payload.AddRange(bytes);
        }

        Block("uuid"u8.ToArray());
        Block("1"u8.ToArray());
        payload.AddRange(BitConverter.GetBytes(2L));
        payload.AddRange(BitConverter.GetBytes(5L));
        payload.AddRange(BitConverter.GetBytes(1L));
        Block("""{"v":[0.125,0.25,0.5,0.75,1.0]}"""u8.ToArray());
        var frame = BitConverter.GetBytes(payload.Count).Concat(BitConverter.GetBytes(System.IO.Hashing.Crc32.HashToUInt32(payload.ToArray()))).Concat(payload).ToArray();

        var consumed = RecordCodec.TryDecode(frame, out var record);

        Assert.Equal(frame.Length, consumed);
        Assert.Equal(LogOp.IndexDoc, record!.Op);
        Assert.Equal((2L, 5L, 1L), (record.Version, record.SeqNo, record.PrimaryTerm));
        Assert.Equal("""{"v":[0.125,0.25,0.5,0.75,1.0]}""", System.Text.Encoding.UTF8.GetString(record.Source.Span));
    }

    [Fact]
    public void Encode_IndexDoc_PacksTheSource()
    {
        var source = System.Text.Encoding.UTF8.GetBytes("""{"v":[""" + string.Join(",", Enumerable.Range(0, 768).Select(i => (i / 769.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]}");
        var buffer = new ArrayBufferWriter<byte>();
        RecordCodec.Encode(new LogRecord { Op = LogOp.IndexDoc, IndexUuid = "u", Id = "1", Source = source }, buffer);

        RecordCodec.TryDecode(buffer.WrittenSpan, out var record);

        Assert.Equal((byte)LogOp.IndexDocPacked, buffer.WrittenSpan[RecordCodec.HeaderSize]);
        Assert.True(buffer.WrittenCount < (source.Length / 2) + 64);
        Assert.Equal(source, record!.Source.ToArray());
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
