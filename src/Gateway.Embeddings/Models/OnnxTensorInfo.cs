using Microsoft.ML.OnnxRuntime;

namespace Gateway.Embeddings.Models;

/// <summary>An ONNX input or output as the validator sees it: name, element type and dims (-1 where symbolic).</summary>
/// <param name="Name">Input or output name.</param>
/// <param name="ElementType">CLR element type (<see cref="float"/>, <see cref="long"/>, ...).</param>
/// <param name="Dimensions">Dims, -1 for a symbolic dim such as the batch.</param>
internal sealed record OnnxTensorInfo(string Name, Type ElementType, IReadOnlyList<long> Dimensions)
{
    /// <summary>Reads the inputs or outputs of a session.</summary>
    public static IReadOnlyList<OnnxTensorInfo> From(IReadOnlyDictionary<string, NodeMetadata> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return nodes.Select(n => new OnnxTensorInfo(n.Key, n.Value.ElementType, n.Value.Dimensions.Select(d => (long)d).ToList())).ToList();
    }

    /// <summary>Shape as text, e.g. <c>[N, 3, 224, 224]</c>.</summary>
    public string Shape => "[" + string.Join(", ", Dimensions.Select(d => d < 0 ? "N" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
