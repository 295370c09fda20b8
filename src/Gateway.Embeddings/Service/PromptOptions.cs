using System.ComponentModel.DataAnnotations;

namespace Gateway.Embeddings.Service;

/// <summary>Prompt ensembles, anti-concept and blending weights (section <c>Embeddings:Prompts</c>); defaults from DESIGN.md.</summary>
public sealed class PromptOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Embeddings:Prompts";

    /// <summary>Templates for peak prototypes when none are configured; "{}" is replaced by each name.</summary>
    public static IReadOnlyList<string> DefaultPeakTemplates { get; } =
    [
        "a photo of {}.",
        "a photo of the mountain {}.",
        "{} peak in the himalayas.",
        "{}, a mountain in nepal.",
        "a landscape photo of {}.",
    ];

    /// <summary>Templates for free-text queries when none are configured: queries are not always peak names
    /// ("prayer flags"), so they get a neutral template. One, not an ensemble: every template is one more row through
    /// the text tower on each query, and on a CPU a forward of N rows costs about N times one row (docs/embeddings.md
    /// measures 1.9–2.2× one forward for two templates); the peak prototypes, computed once, keep their ensemble.</summary>
    public static IReadOnlyList<string> DefaultQueryTemplates { get; } = ["a photo of {}."];

    /// <summary>Peak prototype templates (replace the defaults when set).</summary>
    public string[]? PeakTemplates { get; set; }

    /// <summary>Text query templates (replace the defaults when set).</summary>
    public string[]? QueryTemplates { get; set; }

    /// <summary>What a peak photo is not; its vector is subtracted from prototypes and queries.</summary>
    public string AntiConcept { get; set; } = "painting, illustration, poster, map, logo";

    /// <summary>Weight of the anti-concept subtraction.</summary>
    [Range(0.0, 1.0)]
    public float AntiConceptWeight { get; set; } = 0.25f;

    /// <summary>Weight of the text prototype when blending with reference photos.</summary>
    [Range(0.0, 1.0)]
    public float TextWeight { get; set; } = 0.55f;

    /// <summary>Weight of the mean reference photo vector when blending.</summary>
    [Range(0.0, 1.0)]
    public float ImageWeight { get; set; } = 0.45f;

    /// <summary>The model's log logit scale t' for <see cref="Vectors.VectorMath.SiglipScore"/>. The ONNX towers do not
    /// carry it; the default is an approximation of trained SigLIP base models (exp ≈ 117), set it from the checkpoint for exact scores.</summary>
    public double LogitScale { get; set; } = 4.76;

    /// <summary>The model's logit bias for <see cref="Vectors.VectorMath.SiglipScore"/> (approximation, see <see cref="LogitScale"/>).</summary>
    public double LogitBias { get; set; } = -12.9;

    /// <summary>The peak templates in effect.</summary>
    public IReadOnlyList<string> EffectivePeakTemplates => PeakTemplates is { Length: > 0 } t ? t : DefaultPeakTemplates;

    /// <summary>The query templates in effect.</summary>
    public IReadOnlyList<string> EffectiveQueryTemplates => QueryTemplates is { Length: > 0 } t ? t : DefaultQueryTemplates;
}
