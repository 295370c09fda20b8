using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Heif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.WebP;
using MdDirectory = MetadataExtractor.Directory;

namespace Gateway.Photos.Exif;

/// <summary>
/// Reads GPS, time, camera, focal length, orientation and size from a photo with MetadataExtractor.
/// Never throws for bad files: a file whose metadata cannot be read gives a <see cref="PhotoMetadata"/>
/// with <see cref="PhotoMetadata.Error"/> set; damaged parts that were skipped are listed as warnings.
/// </summary>
public static class ExifReader
{
    /// <summary>Reads the metadata of the file at <paramref name="path"/>; its last-write time is the last time fallback.</summary>
    public static PhotoMetadata Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        DateTimeOffset? fileTime = File.Exists(path) ? new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero) : null;
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, fileTime);
        }
        catch (IOException e)
        {
            return Failed("the file could not be read: " + e.Message, fileTime);
        }
        catch (UnauthorizedAccessException e)
        {
            return Failed("the file could not be read: " + e.Message, fileTime);
        }
    }

    /// <summary>Reads the metadata of an encoded image; <paramref name="fileTime"/> is the last time fallback.</summary>
    public static PhotoMetadata Read(Stream stream, DateTimeOffset? fileTime)
    {
        ArgumentNullException.ThrowIfNull(stream);
        IReadOnlyList<MdDirectory> directories;
        try
        {
            if (stream.CanSeek && stream.Length == 0)
            {
                return Failed("the file is empty (0 bytes)", fileTime);
            }

            directories = ImageMetadataReader.ReadMetadata(stream);
        }
        catch (ImageProcessingException e)
        {
            return Failed("metadata could not be read: " + e.Message, fileTime);
        }
        catch (IOException e)
        {
            // MetadataExtractor signals a file cut short with IOException("End of data reached.").
            return Failed("metadata could not be read (truncated file?): " + e.Message, fileTime);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException or OverflowException)
        {
            return Failed("metadata could not be read: " + e.Message, fileTime);
        }

        return FromDirectories(directories, fileTime);
    }

    internal static PhotoMetadata FromDirectories(IReadOnlyList<MdDirectory> directories, DateTimeOffset? fileTime)
    {
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        var subIfds = directories.OfType<ExifSubIfdDirectory>().ToList();
        var gps = directories.OfType<GpsDirectory>().FirstOrDefault();
        var warnings = directories.SelectMany(d => d.Errors.Select(e => d.Name + ": " + e)).ToList();

        var (lat, lon) = ExifValues.ReadPosition(gps);
        var focal35 = FirstDouble(subIfds, ExifTags.FocalLengthIn35mmFilm);
        var derived = false;
        if (focal35 is null or <= 0)
        {
            focal35 = ExifValues.DeriveFocal35(subIfds);
            derived = focal35 is not null;
        }

        var (width, height) = ReadSize(directories, ifd0, subIfds);
        var time = ShotTimeResolver.Resolve(subIfds, gps, fileTime);
        double? direction = ExifValues.GetDouble(gps, ExifTags.GpsImgDirection);
        if (direction is not null)
        {
            direction = ((direction.Value % 360) + 360) % 360;
        }

        return new PhotoMetadata
        {
            Latitude = lat,
            Longitude = lon,
            AltitudeM = ExifValues.ReadAltitude(gps),
            DirectionDeg = direction,
            DirectionRef = direction is null ? null : ExifValues.GetString(gps, ExifTags.GpsImgDirectionRef)?.Trim(),
            ShotTimeUtc = time.Utc,
            ShotTimeSource = time.Source,
            DateTimeOriginal = time.LocalText,
            OffsetTimeOriginal = time.OffsetText,
            Make = ExifValues.GetString(ifd0, ExifTags.Make)?.Trim(),
            Model = ExifValues.GetString(ifd0, ExifTags.Model)?.Trim(),
            Focal35mm = focal35 is > 0 ? focal35 : null,
            Focal35mmDerived = derived,
            Orientation = ifd0 is not null && ifd0.TryGetInt32(ExifTags.Orientation, out var o) ? o : null,
            Width = width,
            Height = height,
            Warnings = warnings,
        };
    }

    // exiftool's ImageWidth/ImageHeight: the HEIF primary item's ispe, the JPEG SOF, the PNG IHDR, the WebP
    // header, the TIFF IFD0; the EXIF SubIFD's PixelXDimension only when the container says nothing.
    private static (int? Width, int? Height) ReadSize(IReadOnlyList<MdDirectory> directories, ExifIfd0Directory? ifd0, List<ExifSubIfdDirectory> subIfds)
    {
        var heic = directories.OfType<HeicImagePropertiesDirectory>()
            .Where(d => d.ContainsTag(HeicImagePropertiesDirectory.TagImageWidth))
            .OrderByDescending(d => d.Name.Contains("Primary", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();
        return heic is not null ? Pair(heic, HeicImagePropertiesDirectory.TagImageWidth, HeicImagePropertiesDirectory.TagImageHeight)
            : directories.OfType<JpegDirectory>().FirstOrDefault() is { } jpeg ? Pair(jpeg, JpegDirectory.TagImageWidth, JpegDirectory.TagImageHeight)
            : directories.OfType<PngDirectory>().FirstOrDefault(d => d.ContainsTag(PngDirectory.TagImageWidth)) is { } png ? Pair(png, PngDirectory.TagImageWidth, PngDirectory.TagImageHeight)
            : directories.OfType<WebPDirectory>().FirstOrDefault() is { } webp ? Pair(webp, WebPDirectory.TagImageWidth, WebPDirectory.TagImageHeight)
            : ifd0 is not null && ifd0.ContainsTag(ExifTags.ImageWidth) ? Pair(ifd0, ExifTags.ImageWidth, ExifTags.ImageHeight)
            : subIfds.FirstOrDefault(d => d.ContainsTag(ExifTags.ExifImageWidth)) is { } sub ? Pair(sub, ExifTags.ExifImageWidth, ExifTags.ExifImageHeight)
            : (null, null);
    }

    private static (int?, int?) Pair(MdDirectory d, int widthTag, int heightTag) =>
        (d.TryGetInt32(widthTag, out var w) ? w : null, d.TryGetInt32(heightTag, out var h) ? h : null);

    private static double? FirstDouble(List<ExifSubIfdDirectory> dirs, int tag) =>
        dirs.Select(d => ExifValues.GetDouble(d, tag)).FirstOrDefault(v => v is not null);

    private static PhotoMetadata Failed(string error, DateTimeOffset? fileTime) => new()
    {
        Error = error,
        ShotTimeUtc = fileTime,
        ShotTimeSource = fileTime is null ? ShotTimeSource.None : ShotTimeSource.FileTime,
    };
}
