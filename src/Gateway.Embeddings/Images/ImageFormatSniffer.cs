namespace Gateway.Embeddings.Images;

/// <summary>Recognises an image format from its magic bytes; a file named .HEIC may well be a JPEG.</summary>
internal static class ImageFormatSniffer
{
    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis"];

    public static ImageFormat Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }
        if (data.Length >= 8 && data[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }
        if (data.Length >= 6 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)))
        {
            return ImageFormat.Gif;
        }
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }
        if (data.Length >= 14 && data[0] == (byte)'B' && data[1] == (byte)'M')
        {
            return ImageFormat.Bmp;
        }
        if (data.Length >= 4 && (data[..4].SequenceEqual("II*\0"u8) || data[..4].SequenceEqual("MM\0*"u8)))
        {
            return ImageFormat.Tiff;
        }
        return IsHeif(data) ? ImageFormat.Heif : ImageFormat.Unknown;
    }

    private static bool IsHeif(ReadOnlySpan<byte> data)
    {
        if (data.Length < 16 || !data.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return false;
        }
        var boxSize = (int)Math.Min(data.Length, (data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3]);
        // The major brand at 8, then the compatible brands from 16 to the end of the ftyp box.
        for (var offset = 8; offset + 4 <= boxSize; offset += offset == 8 ? 8 : 4)
        {
            var brand = System.Text.Encoding.ASCII.GetString(data.Slice(offset, 4));
            if (Array.IndexOf(HeifBrands, brand) >= 0)
            {
                return true;
            }
        }
        return false;
    }
}
