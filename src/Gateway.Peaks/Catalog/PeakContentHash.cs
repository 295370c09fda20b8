using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gateway.Embeddings.Service;

namespace Gateway.Peaks.Catalog;

/// <summary>
/// A fingerprint of everything a peak's document depends on: its catalog entry, its reference photos (name, size,
/// time), the album references blended in, the model and the prompt settings. A changed hash means the prototype must be recomputed.
/// </summary>
internal static class PeakContentHash
{
    public static string Compute(Peak peak, IReadOnlyList<FileInfo> referencePhotos, IReadOnlyList<AlbumPhoto> albumReferences, string modelId, int dimensions, PromptOptions prompts)
    {
        var sb = new StringBuilder();
        sb.Append("v1\n").Append(peak.Id).Append('\n');
        foreach (var (lang, names) in peak.Names.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(lang).Append('=').AppendJoin('|', names).Append('\n');
        }

        sb.Append(string.Create(CultureInfo.InvariantCulture, $"{peak.Latitude:R},{peak.Longitude:R},{peak.ElevationM}\n"));
        sb.Append(peak.ReferencePhotos).Append('\n').Append(peak.Source).Append('\n');
        foreach (var f in referencePhotos)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}\n"));
        }

        // The document lists every album reference and negative; the album references blended in (those found in the
        // photos index) decide the prototype, so one indexed later changes the hash too.
        foreach (var (kind, photos) in new[] { ("ref", peak.AlbumReferences), ("neg", peak.AlbumNegatives), ("used", albumReferences) })
        {
            foreach (var photo in photos)
            {
                sb.Append(kind).Append(':').Append(photo.Album).Append('/').Append(photo.Path).Append('\n');
            }
        }

        sb.Append(modelId).Append(':').Append(dimensions).Append('\n');
        sb.AppendJoin('|', prompts.EffectivePeakTemplates).Append('\n').Append(prompts.AntiConcept).Append('\n');
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"{prompts.AntiConceptWeight:R},{prompts.TextWeight:R},{prompts.ImageWeight:R}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
