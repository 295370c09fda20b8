using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Geo;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary><c>geo_distance</c>: documents with a point within the distance (arc or plane); constant score.</summary>
internal sealed class GeoDistanceQuery : QueryNode
{
    public required string Field { get; init; }

    public required GeoPoint Origin { get; init; }

    public required double Meters { get; init; }

    public bool Plane { get; init; }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var field = context.Field(Field);
        if (field is null)
        {
            return DocResult.Empty(context.MaxDoc);
        }

        if (field.Kind != FieldKind.GeoPoint)
        {
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard("failed to find geo field [" + Field + "]", context.IndexName));
        }

        Func<GeoPoint, bool> within = p => (Plane ? GeoMath.PlaneDistance(Origin, p) : GeoMath.ArcDistance(Origin, p)) <= Meters;
        var bits = FieldPoints.Column(context.Snapshot, Field).Where(within);
        return new DocResult(bits, null, Boost);
    }
}
