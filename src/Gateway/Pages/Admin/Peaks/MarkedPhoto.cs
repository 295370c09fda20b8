using Gateway.Peaks;

namespace Gateway.Pages.Admin.Peaks;

/// <summary>An album photo marked for a peak, as the peak's page shows it.</summary>
/// <param name="Photo">Album and path.</param>
/// <param name="Id">The photo's document id now (for the thumbnail), or null when the photos index does not hold it.</param>
/// <param name="Note">What it does: blended in, not blended (over <c>Peaks:MaxReferencePhotos</c>), a negative, or not in the photos index.</param>
internal sealed record MarkedPhoto(AlbumPhoto Photo, string? Id, string Note);
