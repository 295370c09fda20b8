namespace Gateway.TestSupport;

/// <summary>
/// Peak catalogs for the colour test model (tests/Gateway.TestModels), which understands colour words only: each
/// peak carries a colour alias, so "red" finds Red Peak.
/// </summary>
public static class ColourCatalog
{
    private static readonly Dictionary<string, string> Peaks = new(StringComparer.Ordinal)
    {
        ["red-peak"] = """
              - id: red-peak
                names: {en: [Red Peak, red]}
                lat: 27.9
                lon: 86.8
                elev_m: 6000
            """,
        ["blue-peak"] = """
              - id: blue-peak
                names: {en: [Blue Peak, blue]}
                lat: 27.95
                lon: 86.85
                elev_m: 6500
            """,
        ["everest"] = """
              - id: everest
                names: {en: [Mount Everest, white]}
                lat: 27.98806
                lon: 86.92528
                elev_m: 8849
            """,
    };

    /// <summary>Red Peak and Blue Peak.</summary>
    public static string RedAndBlue { get; } = Yaml("red-peak", "blue-peak");

    /// <summary>Red Peak, Blue Peak and Mount Everest ("white").</summary>
    public static string RedBlueAndEverest { get; } = Yaml("red-peak", "blue-peak", "everest");

    private static string Yaml(params string[] ids) =>
        "peaks:\n" + string.Join("\n", ids.Select(id => Peaks[id])) + "\n";
}
