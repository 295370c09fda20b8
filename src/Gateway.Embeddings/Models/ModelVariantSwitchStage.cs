namespace Gateway.Embeddings.Models;

/// <summary>Stages of a variant switch.</summary>
public enum ModelVariantSwitchStage
{
    /// <summary>Fetching the variant's missing files.</summary>
    Downloading,

    /// <summary>Loading the variant next to the model in use.</summary>
    Loading,

    /// <summary>The service answers with the variant, and the choice is kept.</summary>
    Done,

    /// <summary>The files could not be fetched or the variant could not be loaded; the model in use stays.</summary>
    Failed,
}
