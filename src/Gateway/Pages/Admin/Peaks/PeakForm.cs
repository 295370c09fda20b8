using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.RegularExpressions;
using Gateway.Peaks;

namespace Gateway.Pages.Admin.Peaks;

/// <summary>The peak edit form: names as <c>lang: name</c> lines, one name per line, any script.</summary>
internal sealed partial class PeakForm : IValidatableObject
{
    /// <summary>The slug (document id and <c>predicted_peaks</c> value).</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,63}$", ErrorMessage = "Use lower-case letters, digits and dashes, e.g. ama-dablam.")]
    public string Id { get; set; } = "";

    /// <summary>One <c>lang: name</c> per line; a line without a language tag is English.</summary>
    [Required(ErrorMessage = "Give the peak at least one name.")]
    public string Names { get; set; } = "";

    /// <summary>Summit latitude, decimal degrees.</summary>
    [Required]
    [Range(-90.0, 90.0, ErrorMessage = "Latitude must be between -90 and 90.")]
    public double? Latitude { get; set; }

    /// <summary>Summit longitude, decimal degrees.</summary>
    [Required]
    [Range(-180.0, 180.0, ErrorMessage = "Longitude must be between -180 and 180.")]
    public double? Longitude { get; set; }

    /// <summary>Summit elevation in metres.</summary>
    [Required]
    [Range(0, 9000, ErrorMessage = "Elevation must be between 0 and 9000 m.")]
    public int? ElevationM { get; set; }

    /// <summary>Where the values come from.</summary>
    public string? Source { get; set; }

    /// <summary>An alias to add on save (quick add).</summary>
    public string? NewAlias { get; set; }

    /// <summary>Language tag of <see cref="NewAlias"/>.</summary>
    public string NewAliasLanguage { get; set; } = "en";

    /// <summary>The form for an existing peak.</summary>
    public static PeakForm From(Peak peak) => new()
    {
        Id = peak.Id,
        Names = string.Join('\n', peak.Names.SelectMany(kv => kv.Value.Select(n => $"{kv.Key}: {n}"))),
        Latitude = peak.Latitude,
        Longitude = peak.Longitude,
        ElevationM = peak.ElevationM,
        Source = peak.Source,
    };

    /// <summary>Names by language, in form order, with <see cref="NewAlias"/> appended.</summary>
    public Dictionary<string, IReadOnlyList<string>> ParseNames()
    {
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var lines = (Names ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (!string.IsNullOrWhiteSpace(NewAlias))
        {
            lines.Add($"{(string.IsNullOrWhiteSpace(NewAliasLanguage) ? "en" : NewAliasLanguage.Trim())}: {NewAlias.Trim()}");
        }

        foreach (var line in lines)
        {
            var match = LanguageLine().Match(line);
            var (language, name) = match.Success ? (match.Groups[1].Value.ToLowerInvariant(), match.Groups[2].Value.Trim()) : ("en", line);
            name = name.Normalize(NormalizationForm.FormC);
            if (name.Length == 0)
            {
                continue;
            }

            if (!names.TryGetValue(language, out var list))
            {
                names[language] = list = [];
            }

            if (!list.Contains(name, StringComparer.Ordinal))
            {
                list.Add(name);
            }
        }

        return names.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    /// <summary>The peak the form describes (call after validation).</summary>
    public Peak ToPeak(string? referencePhotos) => new()
    {
        Id = Id,
        Names = ParseNames(),
        Latitude = Latitude!.Value,
        Longitude = Longitude!.Value,
        ElevationM = ElevationM!.Value,
        ReferencePhotos = referencePhotos,
        Source = string.IsNullOrWhiteSpace(Source) ? null : Source.Trim(),
    };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParseNames().Count == 0)
        {
            yield return new ValidationResult("Give the peak at least one name.", [nameof(Names)]);
        }
    }

    // "en: Ama Dablam", "ja: アマダブラム", "zh-Hans: 阿玛达布拉姆峰": a BCP-47-ish tag, a colon, the name.
    [GeneratedRegex(@"^([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\s*:\s*(.+)$")]
    private static partial Regex LanguageLine();
}
