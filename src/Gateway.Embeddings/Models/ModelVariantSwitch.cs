namespace Gateway.Embeddings.Models;

/// <summary>The latest variant switch an admin started, and how far it got.</summary>
/// <param name="From">The variant in use when it started.</param>
/// <param name="To">The variant chosen.</param>
/// <param name="Stage">Where it is.</param>
/// <param name="Detail">What went wrong, when it failed.</param>
public sealed record ModelVariantSwitch(string From, string To, ModelVariantSwitchStage Stage, string? Detail = null);
