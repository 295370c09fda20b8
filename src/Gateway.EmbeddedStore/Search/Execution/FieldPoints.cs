using Gateway.EmbeddedStore.Documents;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Reads a field's geo points.</summary>
internal static class FieldPoints
{
    /// <summary>The field's geo points over the snapshot's live documents (built once per snapshot), for geo filters.</summary>
    public static ValueColumn<GeoPoint> Column(ShardSnapshot snapshot, string field) =>
        snapshot.GetOrBuild("points:" + (field = snapshot.Resolve(field)), s => ValueColumn<GeoPoint>.Build(s, field, static (values, into) =>
        {
            if (values.Points is { } points)
            {
                into.AddRange(points);
            }
        }));
}
