namespace Gateway.Embeddings.Models;

/// <summary>One file of a checkpoint as the manifest lists it.</summary>
/// <param name="Path">Path inside the repository and inside the local model folder, e.g. <c>onnx/vision_model.onnx</c>.</param>
/// <param name="Role"><c>config</c>, <c>preprocessor</c>, <c>tokenizer</c>, <c>vision</c> or <c>text</c>.</param>
/// <param name="Variant">For ONNX towers: <c>fp32</c>, <c>fp16</c>, <c>quantized</c>, <c>int8</c>, ...; null for shared files.</param>
/// <param name="Size">Exact size in bytes when known in advance, else null.</param>
/// <param name="Sha256">Lower-case hex SHA-256 when known in advance, else null (recorded on first download).</param>
/// <param name="Revision">Repository revision for this file when it differs from the model's.</param>
/// <param name="Repo">The repository that holds this file when it is not the model's export repository (e.g. the
/// SentencePiece <c>tokenizer.model</c>, which the ONNX exports do not carry, from <c>google/siglip2-base-patch16-224</c>).</param>
public sealed record ModelFileEntry(string Path, string Role, string? Variant, long? Size, string? Sha256, string? Revision = null, string? Repo = null);
