using Gateway.Peaks;
using Gateway.Peaks.Catalog;

namespace Gateway.Admin;

/// <summary>
/// "This is" / "Not" for album photos: records the mark in the catalog file (album and path, so it survives reindexing)
/// and rebuilds the changed prototype at once, which also refreshes the prototypes queries use (the rebuild's write to
/// <c>peaks_catalog</c> raises the catalog change signal).
/// </summary>
internal sealed class PhotoMarker(PeakEditor editor, AlbumPhotoReader photos)
{
    /// <summary>Marks <paramref name="photo"/> for the peak <paramref name="peakId"/>. A reference or negative must be a photo
    /// the photos index holds; removing a mark (<see cref="PhotoMark.None"/>) works for photos gone from the index too.</summary>
    public async Task<MarkOutcome> MarkAsync(string peakId, AlbumPhoto photo, PhotoMark mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (editor.Find(peakId) is null)
        {
            return MarkOutcome.Refused(404, "resource_not_found_exception", $"peak [{peakId}] is not in the catalog");
        }

        if (mark != PhotoMark.None)
        {
            var found = await photos.FindAsync([photo], cancellationToken).ConfigureAwait(false);
            if (found.Failure is { } failure)
            {
                return MarkOutcome.Refused(502, "status_exception", failure);
            }

            if (!found.Value.ContainsKey(photo))
            {
                return MarkOutcome.Refused(404, "resource_not_found_exception", $"photo [{photo.Path}] of album [{photo.Album}] is not in the photos index");
            }
        }

        await editor.MarkAsync(peakId, photo, mark, cancellationToken).ConfigureAwait(false);
        var peak = editor.Find(peakId)!;
        string? problem;
        try
        {
            var rebuilt = await editor.RebuildAsync(false, cancellationToken).ConfigureAwait(false);
            problem = rebuilt.Failure ?? rebuilt.Value.Failures.FirstOrDefault(f => f.StartsWith(peakId + ":", StringComparison.Ordinal));
        }
        catch (PeakCatalogException e)
        {
            problem = e.Message;
        }

        return new MarkOutcome(null, peak.AlbumReferences.Count, peak.AlbumNegatives.Count, problem);
    }
}
