using System.Globalization;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// The index settings that give field parameters their default (<c>index.mapping.ignore_above</c> for keyword and
/// flattened fields, <c>index.mapping.ignore_malformed</c> for the types with <c>ignore_malformed</c>). A field's own
/// parameter wins; GET _mapping shows only what the mapping says, as in Elasticsearch. Both settings are final.
/// </summary>
internal sealed record MappingDefaults(int? IgnoreAbove, bool IgnoreMalformed)
{
    public static MappingDefaults None { get; } = new(null, false);

    public static MappingDefaults From(IReadOnlyDictionary<string, string> settings)
    {
        int? ignoreAbove = settings.TryGetValue(MappingSettings.IgnoreAbove, out var above)
            && int.TryParse(above, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) ? limit : null;
        var ignoreMalformed = settings.TryGetValue(MappingSettings.IgnoreMalformed, out var malformed) && malformed == "true";
        return ignoreAbove is null && !ignoreMalformed ? None : new MappingDefaults(ignoreAbove, ignoreMalformed);
    }
}
