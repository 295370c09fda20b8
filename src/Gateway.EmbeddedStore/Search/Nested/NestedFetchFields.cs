using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Nested;

/// <summary>
/// The <c>fields</c> option over nested objects, as Elasticsearch's field fetcher renders them: the values of a nested
/// object's fields are grouped under its nested path, one object per nested object in source order (keys relative to
/// the path, deeper nested paths grouped again inside), e.g. <c>"user": [{"first": ["John"], "address": [{"city":
/// ["Berlin"]}]}]</c>. A nested hit (inner hits) renders its own object the same way, under its path.
/// </summary>
internal static class NestedFetchFields
{
    public delegate JsonObject FlatFields(SearchContext context, ParsedDocument doc, List<FieldAndFormat> requested);

    public static JsonObject Render(SearchContext context, int ord, List<FieldAndFormat> requested, FlatFields flat)
    {
        var result = Level(context, ord, requested, flat);
        for (var level = context.Level; level is not null && result.Count > 0; level = level.Level)
        {
            result = new JsonObject { [Relative(level.Path, level.Level?.Path)] = new JsonArray(result) };
        }

        return result;
    }

    private static JsonObject Level(SearchContext context, int ord, List<FieldAndFormat> requested, FlatFields flat)
    {
        var levelPath = context.Level?.Path;
        var result = new JsonObject();
        foreach (var (key, value) in flat(context, context.Snapshot.Doc(ord), requested).ToList())
        {
            result[Relative(key, levelPath)] = value?.DeepClone();
        }

        foreach (var path in NestedPaths.All(context.Mapping))
        {
            if (NestedPaths.Parent(context.Mapping, path) != levelPath || !Requested(context, path, requested))
            {
                continue;
            }

            var docs = NestedDocs.For(context, path);
            var child = context.Nested(docs);
            var objects = new JsonArray();
            var (start, end) = docs.Children(ord);
            for (var c = start; c < end; c++)
            {
                if (Level(child, c, requested, flat) is { Count: > 0 } obj)
                {
                    objects.Add(obj);
                }
            }

            if (objects.Count > 0)
            {
                result[Relative(path, levelPath)] = objects;
            }
        }

        return result;
    }

    private static bool Requested(SearchContext context, string path, List<FieldAndFormat> requested) =>
        context.Mapping.Fields.Any(f => f.Path.StartsWith(path + ".", StringComparison.Ordinal) && requested.Any(r => Wildcard.Matches(r.Field, f.Path)));

    private static string Relative(string path, string? level) => level is null ? path : path[(level.Length + 1)..];
}
