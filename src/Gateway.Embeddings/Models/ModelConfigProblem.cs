namespace Gateway.Embeddings.Models;

/// <summary>One way a model's files disagree with what the gateway feeds it.</summary>
/// <param name="File">The file that says it (<c>config.json</c>, <c>preprocessor_config.json</c>, <c>onnx/vision_model.onnx</c>).</param>
/// <param name="Key">The setting, input or output concerned.</param>
/// <param name="Expected">What the gateway needs.</param>
/// <param name="Found">What the file says.</param>
public sealed record ModelConfigProblem(string File, string Key, string Expected, string Found)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Key}: expected {Expected}, found {Found}";
}
