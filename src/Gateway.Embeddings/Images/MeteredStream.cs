namespace Gateway.Embeddings.Images;

/// <summary>
/// A read-only, seekable stream over encoded bytes that lets a reader see only the first <see cref="Limit"/> bytes;
/// reads past it come back short, as if the rest had not arrived yet. Skia's incremental decoders (PNG, GIF) then
/// stop with "incomplete input" and carry on when the limit is raised, which is how <see cref="SkiaBandDecoder"/>
/// decodes them a slice at a time.
/// </summary>
internal sealed class MeteredStream(byte[] data) : Stream
{
    private long _position;

    /// <summary>How many bytes from the start may be read so far (at most the length).</summary>
    public long Limit { get; set; } = data.Length;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => data.Length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, data.Length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var available = (int)Math.Clamp(Math.Min(Limit, data.Length) - _position, 0, buffer.Length);
        data.AsSpan((int)_position, available).CopyTo(buffer);
        _position += available;
        return available;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => data.Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
