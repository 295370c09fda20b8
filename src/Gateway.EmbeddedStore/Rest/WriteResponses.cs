using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>The shapes of write answers (index, delete, update and their bulk items).</summary>
internal static class WriteResponses
{
    public static JsonObject Shards(IndexState index, bool noop = false) => noop
        ? new JsonObject { ["total"] = 0, ["successful"] = 0, ["failed"] = 0 }
        : new JsonObject { ["total"] = 1 + index.Replicas, ["successful"] = 1, ["failed"] = 0 };

    public static JsonObject Outcome(WriteOutcome outcome, bool forcedRefresh)
    {
        var result = new JsonObject
        {
            ["_index"] = outcome.Index.Name,
            ["_id"] = outcome.Id,
            ["_version"] = outcome.Version,
            ["result"] = outcome.Result,
        };
        if (forcedRefresh && outcome.Result != "noop")
        {
            result["forced_refresh"] = true;
        }

        result["_shards"] = Shards(outcome.Index, outcome.Result == "noop");
        result["_seq_no"] = outcome.SeqNo;
        result["_primary_term"] = outcome.PrimaryTerm;
        return result;
    }

    public static int Status(WriteOutcome outcome) => outcome.Result switch
    {
        "created" => 201,
        "not_found" => 404,
        _ => 200,
    };
}
