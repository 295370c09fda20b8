using System.ComponentModel.DataAnnotations;

namespace Gateway.Photos.Ingestion;

/// <summary>One photo album: a name (stored in <c>photos.album</c>) and the folder it lives in.</summary>
public sealed class AlbumOptions
{
    /// <summary>Album name: letters, digits, '-', '_' or '.'; part of each document id.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    public string Name { get; set; } = "";

    /// <summary>The album's root folder, scanned recursively; relative paths resolve against the current directory.</summary>
    [Required]
    public string Root { get; set; } = "";
}
