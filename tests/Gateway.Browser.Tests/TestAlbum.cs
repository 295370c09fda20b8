using System.Globalization;
using System.Text;
using Gateway.TestModels;

namespace Gateway.Browser.Tests;

/// <summary>
/// A temporary world for the host: the colour test model, an album of coloured JPEGs with GPS and local time along
/// the Everest base camp trek (plus a few real photos from ../shared when present), and a peak catalog whose
/// reference photos are solid colours, so the red photos are predicted as Ama Dablam, the blue ones as Pumori.
/// </summary>
internal sealed class TestAlbum : IDisposable
{
    public const string Offset = "+05:45";

    public static readonly (string File, string Colour, string? Accent, double Lat, double Lon, string Local)[] Photos =
    [
        ("day1/tengboche red.jpg", "red", null, 27.83610, 86.76440, "2023-10-27 07:10"),
        ("day1/ama-view-red.jpg", "red", "white", 27.86000, 86.79000, "2023-10-27 15:30"),
        ("day2/dingboche-green.jpg", "green", null, 27.89230, 86.83110, "2023-10-28 09:05"),
        ("day3/lobuche-blue.jpg", "blue", null, 27.94820, 86.81040, "2023-10-29 08:20"),
        ("day3/gorakshep-blue.jpg", "blue", "white", 27.98060, 86.82890, "2023-10-29 16:45"),
        ("day4/camp-yellow.jpg", "yellow", null, 27.92000, 86.82000, "2023-10-30 06:55"),
    ];

    public TestAlbum()
    {
        Root = Directory.CreateTempSubdirectory("gateway-browser-").FullName;
        // An int8 export too (copies of the fp32 towers), so the model page can switch to it.
        Model = TestModelFactory.WriteTo(Path.Combine(Root, "model"), variants: "int8");
        AlbumDirectory = Directory.CreateDirectory(Path.Combine(Root, "album")).FullName;
        foreach (var photo in Photos)
        {
            var colour = TestColor.Named(photo.Colour);
            var jpeg = photo.Accent is null ? TestImages.SolidJpeg(colour, 320, 240) : TestImages.DominantJpeg(colour, TestColor.Named(photo.Accent), 320, 240);
            var local = DateTime.ParseExact(photo.Local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var path = Path.Combine(AlbumDirectory, photo.File);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, ExifJpeg.With(jpeg, photo.Lat, photo.Lon, local, Offset));
        }

        if (TestPaths.SharedPhotos is { } shared)
        {
            var ebc = Directory.CreateDirectory(Path.Combine(AlbumDirectory, "ebc")).FullName;
            foreach (var name in new[] { "IMG_1512.HEIC", "IMG_1536 Copy.JPG", "IMG_2199.HEIC" })
            {
                if (File.Exists(Path.Combine(shared, name)))
                {
                    File.Copy(Path.Combine(shared, name), Path.Combine(ebc, name));
                    SharedCopies++;
                }
            }
        }

        CatalogPath = WriteCatalog(Path.Combine(Root, "catalog"));
    }

    public string Root { get; }

    public TestModel Model { get; }

    public string AlbumDirectory { get; }

    public string CatalogPath { get; }

    public int SharedCopies { get; }

    public int PhotoCount => Photos.Length + SharedCopies;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the host is left to the OS's temp cleanup.
        }
    }

    private static string WriteCatalog(string directory)
    {
        var peaks = new (string Id, string Names, double Lat, double Lon, int Elev, string Colour)[]
        {
            ("ama-dablam", "en: [Ama Dablam, Amadablam]\n      ja: [アマダブラム]\n      ne: [अमा दब्लम]", 27.86170, 86.86140, 6812, "red"),
            ("pumori", "en: [Pumori]\n      ja: [プモリ]", 28.01470, 86.82810, 7161, "blue"),
            ("lobuche-east", "en: [Lobuche East]", 27.96670, 86.78330, 6119, "green"),
            ("kangtega", "en: [Kangtega]", 27.79440, 86.81110, 6782, "yellow"),
        };
        var yaml = new StringBuilder("peaks:\n");
        foreach (var p in peaks)
        {
            var refs = Directory.CreateDirectory(Path.Combine(directory, "refs", p.Id)).FullName;
            File.WriteAllBytes(Path.Combine(refs, "1.png"), TestImages.SolidPng(TestColor.Named(p.Colour)));
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: {p.Id}\n    names:\n      {p.Names}\n    lat: {p.Lat}\n    lon: {p.Lon}\n    elev_m: {p.Elev}\n    reference_photos: refs/{p.Id}\n    source: test fixture\n");
        }

        var path = Path.Combine(directory, "peaks.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }
}
