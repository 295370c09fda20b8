using System.ComponentModel.DataAnnotations;

namespace Gateway.Ui;

/// <summary>The search page and the photo endpoints (configuration section <c>Gateway:Ui</c>); the indices they read are
/// <c>Indices:Photos</c> and <c>Indices:Catalog</c> (<see cref="Upstream.GatewayIndicesOptions"/>).</summary>
internal sealed class UiOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Gateway:Ui";

    /// <summary>Folder of the thumbnail disk cache; relative paths resolve against the data folder.
    /// Default: <c>thumbnails</c> in the data folder.</summary>
    public string? ThumbnailCacheDirectory { get; set; }

    /// <summary>Longest edge of grid thumbnails, in pixels.</summary>
    [Range(64, 1024)]
    public int ThumbnailEdge { get; set; } = 360;

    /// <summary>Longest edge of the detail view's image, in pixels.</summary>
    [Range(256, 4096)]
    public int PreviewEdge { get; set; } = 1600;

    /// <summary>Largest image accepted by the admin's reference photo upload, in bytes.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 40L * 1024 * 1024;
}
