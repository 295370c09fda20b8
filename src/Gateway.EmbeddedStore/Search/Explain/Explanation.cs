using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Search.Explain;

/// <summary>
/// Why a document scores what it scores, as Lucene's <c>Explanation</c>: a value, a description and the parts it is
/// computed from. Rendered as Elasticsearch renders it (<c>value</c>, <c>description</c>, <c>details</c> always present).
/// </summary>
internal sealed class Explanation
{
    private Explanation(bool isMatch, float value, string description, IReadOnlyList<Explanation> details)
    {
        IsMatch = isMatch;
        Value = value;
        Description = description;
        Details = details;
    }

    public bool IsMatch { get; }

    public float Value { get; }

    public string Description { get; }

    public IReadOnlyList<Explanation> Details { get; }

    public static Explanation Match(float value, string description, params IReadOnlyList<Explanation> details) =>
        new(true, value, description, details);

    public static Explanation NoMatch(string description, params IReadOnlyList<Explanation> details) =>
        new(false, 0f, description, details);

    public JsonObject ToJson()
    {
        var details = new JsonArray();
        foreach (var detail in Details)
        {
            details.Add(detail.ToJson());
        }

        return new JsonObject { ["value"] = Value, ["description"] = Description, ["details"] = details };
    }
}
