using System.Text.Json.Nodes;

namespace Gateway.Upstream;

/// <summary>Reads stored vectors out of upstream JSON.</summary>
public static class JsonVectors
{
    /// <summary>A float vector from a JSON array; null when absent, empty or not all numbers.</summary>
    public static float[]? Read(JsonNode? node)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            return null;
        }

        var vector = new float[array.Count];
        for (var i = 0; i < vector.Length; i++)
        {
            if (array[i] is not JsonValue value || !value.TryGetValue<double>(out var number))
            {
                return null;
            }

            vector[i] = (float)number;
        }

        return vector;
    }
}
