namespace Gateway.Rewrite;

/// <summary>What an image query searches with.</summary>
public enum ImageQueryMode
{
    /// <summary>The image's own vector: visually similar photos.</summary>
    Similar,

    /// <summary>The identified peak's prototype: photos of the same peak, whatever the light or angle.</summary>
    SamePeak,

    /// <summary>The L2-normalised mean of the image vector and the identified peak's prototype.</summary>
    Blend,
}
