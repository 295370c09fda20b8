using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// One immutable version of an index's mapping: the normalised tree (as GET _mapping shows it)
/// and its flattened form. Changes produce a new instance.
/// </summary>
internal sealed class MappingState
{
    private MappingState(JsonObject root, IndexMapping compiled, MappingDefaults defaults)
    {
        Root = root;
        Compiled = compiled;
        Defaults = defaults;
    }

    public static MappingState Empty { get; } = new(new JsonObject(), IndexMapping.Empty, MappingDefaults.None);

    /// <summary>The index settings' field defaults this mapping was compiled with.</summary>
    public MappingDefaults Defaults { get; }

    /// <summary>The normalised mapping tree. Never mutated.</summary>
    public JsonObject Root { get; }

    public IndexMapping Compiled { get; }

    /// <summary>Builds from a user-supplied <c>mappings</c> object (validates and normalises it).</summary>
    public static MappingState FromUser(JsonObject mappings, MappingDefaults? defaults = null)
    {
        var root = MappingCompiler.Normalize(mappings);
        return new MappingState(root, MappingCompiler.Compile(root, defaults), defaults ?? MappingDefaults.None);
    }

    /// <summary>Builds from an already normalised tree (recovery, dynamic updates).</summary>
    public static MappingState FromNormalized(JsonObject root, MappingDefaults? defaults = null) =>
        new(root, MappingCompiler.Compile(root, defaults), defaults ?? MappingDefaults.None);

    /// <summary>An empty mapping with the index settings' field defaults.</summary>
    public static MappingState EmptyWith(MappingDefaults defaults) => defaults == MappingDefaults.None ? Empty : new(new JsonObject(), IndexMapping.Empty, defaults);

    public string Dynamic(string objectPath) => MappingCompiler.DynamicAt(Root, objectPath);

    public bool DateDetection => Root["date_detection"] is not JsonValue v || !v.TryGetValue<bool>(out var b) || b;
}
