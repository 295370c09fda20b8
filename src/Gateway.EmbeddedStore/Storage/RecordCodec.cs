using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Gateway.EmbeddedStore.Storage;

/// <summary>
/// Binary framing of <see cref="LogRecord"/>: <c>[u32 length][u32 crc32][payload]</c>, little endian.
/// The CRC-32 (IEEE, System.IO.Hashing) covers the payload, so a torn or corrupted record is detected.
/// Payload: op byte, then the op's fields; strings and byte blocks as <c>[i32 length][bytes]</c>;
/// document sources packed by <see cref="NumberTextPacker"/>.
/// </summary>
internal static class RecordCodec
{
    public const int HeaderSize = 8;

    public static void Encode(LogRecord record, ArrayBufferWriter<byte> output)
    {
        var start = output.WrittenCount;
        output.GetSpan(HeaderSize);
        output.Advance(HeaderSize);
        var writer = new PayloadWriter(output);
        writer.Byte((byte)(record.Op == LogOp.IndexDoc ? LogOp.IndexDocPacked : record.Op));
        writer.String(record.IndexUuid);
        switch (record.Op)
        {
            case LogOp.CreateIndex:
                writer.String(record.IndexName ?? "");
                writer.Long(record.CreationDate);
                writer.Bytes(record.Settings);
                writer.Bytes(record.Mapping);
                writer.Bytes(record.Aliases);
                break;
            case LogOp.PutMapping:
                writer.Bytes(record.Mapping);
                break;
            case LogOp.SetSettings or LogOp.ClusterSettings:
                writer.Bytes(record.Settings);
                break;
            case LogOp.PutScript:
                writer.Bytes(record.Settings);
                break;
            case LogOp.SetAliases:
                var batch = record.Batch ?? [];
                writer.Int(batch.Count);
                foreach (var (uuid, aliases) in batch)
                {
                    writer.String(uuid);
                    writer.Bytes(aliases);
                }

                break;
            case LogOp.IndexDoc:
            case LogOp.DeleteDoc:
                writer.String(record.Id ?? "");
                writer.Long(record.Version);
                writer.Long(record.SeqNo);
                writer.Long(record.PrimaryTerm);
                if (record.Op == LogOp.IndexDoc)
                {
                    writer.Packed(record.Source.Span);
                    if (record.Routing is { } routing)
                    {
                        writer.String(routing);
                    }
                }

                break;
        }

        var total = output.WrittenCount - start;
        var frame = output.WrittenSpan.Slice(start, total);
        var payload = frame[HeaderSize..];
        // The writer hands out its own memory: the header is patched in place after the payload.
        var header = System.Runtime.InteropServices.MemoryMarshal.AsMemory(output.WrittenMemory).Span.Slice(start, HeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.HashToUInt32(payload));
    }

    /// <summary>
    /// Reads the frame at the start of <paramref name="data"/>. Returns the bytes consumed, or 0 when
    /// the frame is incomplete or its checksum does not match (a torn tail).
    /// </summary>
    public static int TryDecode(ReadOnlySpan<byte> data, out LogRecord? record)
    {
        record = null;
        if (data.Length < HeaderSize)
        {
            return 0;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(data);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (length <= 0 || length > data.Length - HeaderSize)
        {
            return 0;
        }

        var payload = data.Slice(HeaderSize, length);
        if (Crc32.HashToUInt32(payload) != crc)
        {
            return 0;
        }

        var reader = new PayloadReader(payload);
        var op = (LogOp)reader.Byte();
        var uuid = reader.String();
        record = op switch
        {
            LogOp.CreateIndex => new LogRecord
            {
                Op = op,
                IndexUuid = uuid,
                IndexName = reader.String(),
                CreationDate = reader.Long(),
                Settings = reader.Bytes(),
                Mapping = reader.Bytes(),
                Aliases = reader.Bytes(),
            },
            LogOp.PutMapping => new LogRecord { Op = op, IndexUuid = uuid, Mapping = reader.Bytes() },
            LogOp.SetSettings or LogOp.ClusterSettings => new LogRecord { Op = op, IndexUuid = uuid, Settings = reader.Bytes() },
            LogOp.PutScript => new LogRecord { Op = op, IndexUuid = uuid, Settings = reader.Bytes() },
            LogOp.SetAliases => new LogRecord { Op = op, IndexUuid = uuid, Batch = ReadBatch(ref reader) },
            LogOp.IndexDoc or LogOp.IndexDocPacked or LogOp.DeleteDoc => new LogRecord
            {
                Op = op == LogOp.DeleteDoc ? op : LogOp.IndexDoc,
                IndexUuid = uuid,
                Id = reader.String(),
                Version = reader.Long(),
                SeqNo = reader.Long(),
                PrimaryTerm = reader.Long(),
                Source = op switch
                {
                    LogOp.IndexDoc => reader.Bytes(),
                    LogOp.IndexDocPacked => NumberTextPacker.Unpack(reader.Span()),
                    _ => default,
                },
                Routing = op != LogOp.DeleteDoc && reader.Remaining > 0 ? reader.String() : null,
            },
            _ => new LogRecord { Op = op, IndexUuid = uuid },
        };
        return HeaderSize + length;
    }

    private static List<(string, byte[])> ReadBatch(ref PayloadReader reader)
    {
        var count = reader.Int();
        var batch = new List<(string, byte[])>(count);
        for (var i = 0; i < count; i++)
        {
            batch.Add((reader.String(), reader.Bytes() ?? []));
        }

        return batch;
    }

    private readonly ref struct PayloadWriter(ArrayBufferWriter<byte> output)
    {
        public void Byte(byte value)
        {
            output.GetSpan(1)[0] = value;
            output.Advance(1);
        }

        public void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value);
            output.Advance(4);
        }

        public void Long(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value);
            output.Advance(8);
        }

        public void String(string value)
        {
            var count = Encoding.UTF8.GetByteCount(value);
            Int(count);
            Encoding.UTF8.GetBytes(value, output.GetSpan(count));
            output.Advance(count);
        }

        public void Bytes(ReadOnlySpan<byte> value)
        {
            Int(value.Length);
            value.CopyTo(output.GetSpan(value.Length));
            output.Advance(value.Length);
        }

        public void Bytes(byte[]? value) => Bytes(value.AsSpan());

        /// <summary>A block packed by <see cref="NumberTextPacker"/>: its length is patched in after packing.</summary>
        public void Packed(ReadOnlySpan<byte> text)
        {
            var lengthAt = output.WrittenCount;
            Int(0);
            NumberTextPacker.Pack(text, output);
            var length = output.WrittenCount - lengthAt - 4;
            BinaryPrimitives.WriteInt32LittleEndian(System.Runtime.InteropServices.MemoryMarshal.AsMemory(output.WrittenMemory).Span.Slice(lengthAt, 4), length);
        }
    }

    private ref struct PayloadReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public readonly int Remaining => _data.Length - _position;

        public byte Byte() => _data[_position++];

        public int Int()
        {
            var value = BinaryPrimitives.ReadInt32LittleEndian(_data[_position..]);
            _position += 4;
            return value;
        }

        public long Long()
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(_data[_position..]);
            _position += 8;
            return value;
        }

        public string String()
        {
            var count = Int();
            var value = Encoding.UTF8.GetString(_data.Slice(_position, count));
            _position += count;
            return value;
        }

        public ReadOnlySpan<byte> Span()
        {
            var count = Int();
            var value = _data.Slice(_position, count);
            _position += count;
            return value;
        }

        public byte[]? Bytes()
        {
            var count = Int();
            var value = _data.Slice(_position, count).ToArray();
            _position += count;
            return value;
        }
    }
}
