namespace Gateway.Photos.Identification;

/// <summary>How geometry acts on the vision ranking when a photo's EXIF says which peaks it can show.</summary>
public enum GeometryMode
{
    /// <summary>Only possible peaks (in range, in the field of view when it is known) can be identified.</summary>
    Restrict,

    /// <summary>Every peak can be identified, but an impossible one loses <see cref="Ingestion.PhotosOptions.OutOfFramePenalty"/> from its score.</summary>
    Weight,
}
