namespace Gateway.TestModels;

/// <summary>A colour that the test models understand: its word and its RGB value (0-255).</summary>
public sealed record TestColor(string Name, byte R, byte G, byte B)
{
    /// <summary>The colours in the order of the test models' directions.</summary>
    public static IReadOnlyList<TestColor> All { get; } =
    [
        new("red", 220, 20, 20),
        new("green", 20, 200, 30),
        new("blue", 20, 40, 220),
        new("yellow", 240, 230, 20),
        new("white", 250, 250, 250),
        new("black", 10, 10, 10),
    ];

    /// <summary>Looks a colour up by name.</summary>
    public static TestColor Named(string name) => All.Single(c => c.Name == name);
}
