using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// Elasticsearch's shard selection (<c>IndexRouting.Unpartitioned</c>): the shard of a document is
/// <c>floorMod(murmur3(routing ?? id), routing_num_shards) / (routing_num_shards / number_of_shards)</c>.
/// The store keeps one table per index whatever <c>number_of_shards</c> says, so this only decides what a
/// request with a <c>routing</c> value can see: Elasticsearch looks for the document on the shard its
/// routing names, and a document indexed with another routing lives on another shard (not found there).
/// With one shard, as by default, routing never hides anything.
/// </summary>
internal static class ShardRouting
{
    /// <summary>The shard (0-based) that <paramref name="effectiveRouting"/> (the routing, or else the id) names in <paramref name="index"/>.</summary>
    public static int Shard(IndexState index, string effectiveRouting)
    {
        var shards = Math.Max(1, index.Shards);
        var routingShards = RoutingShards(index.Settings, shards);
        var factor = Math.Max(1, routingShards / shards);
        var hash = Murmur3(effectiveRouting);
        return (int)(((hash % routingShards) + routingShards) % routingShards / factor);
    }

    /// <summary>Whether a read or delete with <paramref name="routing"/> (null: none) reaches a document kept with <paramref name="kept"/>.</summary>
    public static bool Reaches(IndexState index, string id, string? routing, string? kept) =>
        index.Shards <= 1 || routing == kept || Shard(index, routing ?? id) == Shard(index, kept ?? id);

    /// <summary>
    /// A search's <c>routing</c> (comma-separated values) on a multi-shard index: Elasticsearch searches only the shards
    /// the values name, so the filter (an <c>ids</c> query) keeps the documents kept on those shards. Null when nothing is
    /// left out (no routing, one shard).
    /// </summary>
    public static JsonObject? SearchFilter(IndexState index, string? routing, IReadOnlyCollection<string>? aliasRouting = null)
    {
        var values = routing?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // An alias's search_routing and the request's routing together: Elasticsearch searches their intersection.
        IReadOnlyCollection<string>? effective = aliasRouting is null ? values : values is null ? aliasRouting : aliasRouting.Intersect(values).ToList();
        if (effective is null || (index.Shards <= 1 && effective.Count > 0))
        {
            return null;
        }

        var shards = effective.Select(r => Shard(index, r)).ToHashSet();
        var ids = new JsonArray();
        foreach (var (id, entry) in index.Documents.ToArray())
        {
            if (!entry.Deleted && shards.Contains(Shard(index, entry.Routing ?? id)))
            {
                ids.Add(id);
            }
        }

        return new JsonObject { ["ids"] = new JsonObject { ["values"] = ids } };
    }

    // index.number_of_routing_shards, else ES 7+'s default: the largest shards × 2^n not above 1024 (at least one split).
    private static long RoutingShards(IReadOnlyDictionary<string, string> settings, int shards)
    {
        if (settings.TryGetValue("index.number_of_routing_shards", out var given)
            && int.TryParse(given, NumberStyles.Integer, CultureInfo.InvariantCulture, out var routingShards) && routingShards >= shards)
        {
            return routingShards;
        }

        var log2Shards = 32 - BitOperations.LeadingZeroCount((uint)(shards - 1));
        var splits = Math.Max(1, 10 - log2Shards);
        return (long)shards << splits;
    }

    // Murmur3 (x86, 32-bit, seed 0) over the string's UTF-16 little-endian bytes, as Elasticsearch's
    // Murmur3HashFunction.hash(String): ES's choice of bytes must be matched exactly for routing to name the same shard.
    internal static int Murmur3(string value)
    {
        var length = value.Length * 2;
        Span<byte> bytes = length <= 512 ? stackalloc byte[length] : new byte[length];
        for (var i = 0; i < value.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes[(i * 2)..], value[i]);
        }

        return Search.Aggregations.Murmur3.Hash32(bytes, 0);
    }
}
