using System.Runtime.InteropServices;
using Gateway.Photos.Exif;

namespace Gateway.QueryVectors;

/// <summary>The EXIF of an uploaded image, read with ingestion's <see cref="ExifReader"/>; null when it has none to use.</summary>
internal static class UploadMetadata
{
    public static PhotoMetadata? Read(ReadOnlyMemory<byte> image)
    {
        var bytes = MemoryMarshal.TryGetArray(image, out var segment) ? segment : new ArraySegment<byte>(image.ToArray());
        using var stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        var metadata = ExifReader.Read(stream, fileTime: null);
        return metadata.Error is null ? metadata : null;
    }
}
