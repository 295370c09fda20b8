namespace Gateway.Embeddings.Models;

/// <summary>One export of the model's towers as the manifest lists it.</summary>
/// <param name="Name">The variant (<c>fp32</c>, <c>int8</c>, ...).</param>
/// <param name="Downloaded">Whether every file it needs is in the model folder.</param>
/// <param name="Active">Whether the service uses it now.</param>
public sealed record ModelVariant(string Name, bool Downloaded, bool Active);
