using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Search.Nested;

/// <summary>
/// The hidden documents of one nested path below one level (the root documents, or the objects of an enclosing nested
/// path), as Elasticsearch indexes them: every object under the path is a document of its own with the fields below it,
/// searchable with the whole query DSL (<see cref="Snapshot"/>), and knows the document above it
/// (<see cref="ParentOrd"/>) and its place in the root document (<see cref="Identity"/>). Built once per snapshot and
/// path, on first use, from the live documents' sources.
/// </summary>
internal sealed class NestedDocs
{
    private NestedDocs(string path, NestedDocs? level, ShardSnapshot snapshot, int[] parentOrd, NestedIdentity[] identity)
    {
        Path = path;
        Level = level;
        Snapshot = snapshot;
        ParentOrd = parentOrd;
        Identity = identity;
    }

    /// <summary>The nested path (full, dotted).</summary>
    public string Path { get; }

    /// <summary>The nested documents this path's objects sit in, or null when they sit in the root documents.</summary>
    public NestedDocs? Level { get; }

    /// <summary>The hidden documents, every one live; a document's <c>Source</c> is its object.</summary>
    public ShardSnapshot Snapshot { get; }

    /// <summary>Hidden ordinal → the ordinal of the document holding it, in the level's snapshot.</summary>
    public int[] ParentOrd { get; }

    /// <summary>Hidden ordinal → its <c>_nested</c> identity, from the root document down.</summary>
    public NestedIdentity[] Identity { get; }

    /// <summary>The hidden ordinals [start, end) of the objects the level's document <paramref name="parentOrd"/> holds.</summary>
    public (int Start, int End) Children(int parentOrd)
    {
        // Hidden documents are built in their parents' order, so each parent's are one run.
        var start = LowerBound(parentOrd);
        return (start, LowerBound(parentOrd + 1));
    }

    private int LowerBound(int parentOrd)
    {
        int lo = 0, hi = ParentOrd.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ParentOrd[mid] < parentOrd)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The hidden documents of <paramref name="path"/> below the documents <paramref name="context"/> searches.</summary>
    public static NestedDocs For(SearchContext context, string path) =>
        context.Snapshot.GetOrBuild("__nested:" + path, s => Build(s, context.Level, path, context.Mapping));

    /// <summary>Wraps a hidden document's object back into its place under the root (for source filtering by full path).</summary>
    public JsonObject WrapInRoot(JsonObject source)
    {
        var relative = Level is null ? Path : Path[(Level.Path.Length + 1)..];
        JsonNode wrapped = source.DeepClone();
        foreach (var part in relative.Split('.').Reverse())
        {
            wrapped = new JsonObject { [part] = wrapped };
        }

        return Level is null ? (JsonObject)wrapped : Level.WrapInRoot((JsonObject)wrapped);
    }

    /// <summary>A hidden document whose source is wrapped back under the root (for highlighting and stored fields by full path).</summary>
    public ParsedDocument RootShaped(ParsedDocument doc) => new()
    {
        Id = doc.Id,
        Source = WrapInRoot(doc.Source),
        Version = doc.Version,
        SeqNo = doc.SeqNo,
        PrimaryTerm = doc.PrimaryTerm,
        Fields = doc.Fields,
    };

    /// <summary>The object at this path inside a root-shaped <paramref name="root"/> (the inverse of <see cref="WrapInRoot"/>).</summary>
    public static JsonNode? Unwrap(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static NestedDocs Build(ShardSnapshot level, NestedDocs? levelDocs, string path, IndexMapping mapping)
    {
        var prefix = levelDocs is null ? "" : levelDocs.Path + ".";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Nested path [" + path + "] is not below [" + levelDocs!.Path + "]; callers check it first.");
        }

        var segments = path[prefix.Length..].Split('.');
        var docs = new List<ParsedDocument?>();
        var parents = new List<int>();
        var identities = new List<NestedIdentity>();
        foreach (var ord in level.Live.Ordinals())
        {
            var parent = level.Doc(ord);
            foreach (var (obj, identity) in Objects(parent.Source, segments, 0, prefix, "", mapping))
            {
                docs.Add(Parse(parent, obj, path, mapping));
                parents.Add(ord);
                identities.Add(levelDocs is null ? identity : levelDocs.Identity[ord].Append(identity));
            }
        }

        var live = new DocBits(Math.Max(docs.Count, 1));
        for (var i = 0; i < docs.Count; i++)
        {
            live.Set(i);
        }

        var snapshot = new ShardSnapshot([.. docs], docs.Count, live, docs.Count, mapping, Vectors(docs));
        return new NestedDocs(path, levelDocs, snapshot, [.. parents], [.. identities]);
    }

    // Objects at segments[index..] below node, with their identity relative to the level (offsets count the objects
    // of each nested field's array; an object that is not in an array has offset 0).
    private static IEnumerable<(JsonObject Object, NestedIdentity Identity)> Objects(JsonNode? node, string[] segments, int index, string fullPrefix, string pendingField, IndexMapping mapping)
    {
        if (node is not JsonObject obj || obj[segments[index]] is not { } child)
        {
            yield break;
        }

        var fullPath = fullPrefix + segments[index];
        var field = pendingField + segments[index];
        var nested = NestedPaths.IsNested(mapping.Find(fullPath));
        var offset = 0;
        foreach (var item in child is JsonArray array ? NestedPaths.Flatten(array) : [child])
        {
            if (item is not JsonObject element)
            {
                continue;
            }

            var here = nested ? new NestedIdentity(field, offset++, null) : null;
            if (index == segments.Length - 1)
            {
                if (here is not null)
                {
                    yield return (element, here);
                }

                continue;
            }

            foreach (var (deeper, identity) in Objects(element, segments, index + 1, fullPath + ".", nested ? "" : field + ".", mapping))
            {
                yield return (deeper, here is null ? identity : here.Append(identity));
            }
        }
    }

    private static ParsedDocument Parse(ParsedDocument parent, JsonObject obj, string path, IndexMapping mapping) => new()
    {
        Id = parent.Id,
        Source = obj,
        Version = parent.Version,
        SeqNo = parent.SeqNo,
        PrimaryTerm = parent.PrimaryTerm,
        Fields = NestedFieldValues.Of(parent.Id, obj, path, mapping),
    };

    private static Dictionary<string, VectorColumnView> Vectors(List<ParsedDocument?> docs)
    {
        var columns = new Dictionary<string, VectorColumn>(StringComparer.Ordinal);
        for (var ord = 0; ord < docs.Count; ord++)
        {
            foreach (var (field, values) in docs[ord]!.Fields)
            {
                if (values.Vector is not { } vector || values.Mapping.Kind != FieldKind.DenseVector)
                {
                    continue;
                }

                if (!columns.TryGetValue(field, out var column))
                {
                    column = new VectorColumn(field, vector.Length, values.Mapping.Similarity ?? VectorSimilarity.Cosine, values.Mapping.ElementType);
                    columns[field] = column;
                }

                if (column.Dims == vector.Length)
                {
                    column.Set(ord, vector);
                }
            }
        }

        return columns.ToDictionary(c => c.Key, c => new VectorColumnView(c.Value, docs.Count), StringComparer.Ordinal);
    }
}
