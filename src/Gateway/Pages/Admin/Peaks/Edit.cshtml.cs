using Gateway.Admin;
using Gateway.Embeddings;
using Gateway.Peaks;
using Gateway.Peaks.Catalog;
using Gateway.PhotoFiles;
using Gateway.PhotoFiles.Thumbnails;
using Gateway.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gateway.Pages.Admin.Peaks;

/// <summary>Create, edit and delete a peak; upload and remove its reference photos.</summary>
internal sealed class EditModel(PeakEditor editor, ThumbnailCache thumbnails, UiOptions options, AlbumPhotoReader albumPhotos, PhotoMarker marker, IOptions<PeaksOptions> peaksOptions) : PageModel
{
    /// <summary>The id in the route: the peak being edited, or null for a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    /// <summary>The form.</summary>
    [BindProperty]
    public PeakForm Form { get; set; } = new();

    /// <summary>The peak being edited, or null for a new one.</summary>
    public Peak? Peak { get; private set; }

    /// <summary>Reference photo file names.</summary>
    public IReadOnlyList<string> ReferencePhotos { get; private set; } = [];

    /// <summary>How many reference photos a prototype blends (<c>Peaks:MaxReferencePhotos</c>).</summary>
    public int MaxReferencePhotos => peaksOptions.Value.MaxReferencePhotos;

    /// <summary>Album photos marked "This is" the peak, newest first.</summary>
    public IReadOnlyList<MarkedPhoto> AlbumReferences { get; private set; } = [];

    /// <summary>Album photos marked "Not" the peak, newest first.</summary>
    public IReadOnlyList<MarkedPhoto> AlbumNegatives { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is not null)
        {
            Peak = editor.Find(Id);
            if (Peak is null)
            {
                return NotFound();
            }

            Form = PeakForm.From(Peak);
            ReferencePhotos = editor.ReferencePhotos(Peak);
            await LoadAlbumMarksAsync(Peak).ConfigureAwait(false);
        }

        return Page();
    }

    /// <summary>Removes the "This is" or "Not" mark of an album photo and rebuilds the prototype.</summary>
    public async Task<IActionResult> OnPostUnmarkAsync(string album, string path)
    {
        if (Id is null || editor.Find(Id) is not { } peak)
        {
            return NotFound();
        }

        var outcome = await marker.MarkAsync(peak.Id, new AlbumPhoto(album, path), PhotoMark.None, HttpContext.RequestAborted).ConfigureAwait(false);
        Flash(outcome.Error?.Reason ?? $"Removed {path}." + (outcome.RebuildProblem is { } problem ? " Rebuild failed: " + problem : " Prototype rebuilt."), outcome.Error is not null || outcome.RebuildProblem is not null);
        return Redirect("/admin/peaks/edit/" + Uri.EscapeDataString(Id));
    }

    /// <summary>Saves the peak; with <paramref name="rebuild"/> also rebuilds the prototypes.</summary>
    public async Task<IActionResult> OnPostSaveAsync(bool rebuild)
    {
        Peak = Id is null ? null : editor.Find(Id);
        if (Id is not null && Peak is null)
        {
            return NotFound();
        }

        if (Id is null && editor.Find(Form.Id) is not null)
        {
            ModelState.AddModelError("Form.Id", $"A peak with id '{Form.Id}' already exists.");
        }

        if (!ModelState.IsValid)
        {
            ReferencePhotos = Peak is null ? [] : editor.ReferencePhotos(Peak);
            if (Peak is not null)
            {
                await LoadAlbumMarksAsync(Peak).ConfigureAwait(false);
            }

            return Page();
        }

        var peak = Form.ToPeak(Peak?.ReferencePhotos) with { AlbumReferences = Peak?.AlbumReferences ?? [], AlbumNegatives = Peak?.AlbumNegatives ?? [] };
        try
        {
            await editor.SaveAsync(Id, peak, HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (PeakCatalogException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            ReferencePhotos = Peak is null ? [] : editor.ReferencePhotos(Peak);
            if (Peak is not null)
            {
                await LoadAlbumMarksAsync(Peak).ConfigureAwait(false);
            }

            return Page();
        }

        Flash($"Saved {peak.DisplayName}." + (rebuild ? "" : " Rebuild the prototypes to use the change in search."));
        if (rebuild)
        {
            await RebuildAsync().ConfigureAwait(false);
        }

        return Redirect("/admin/peaks/edit/" + Uri.EscapeDataString(peak.Id));
    }

    /// <summary>Deletes the peak from the catalog and rebuilds (which removes its document).</summary>
    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (Id is null || editor.Find(Id) is not { } peak)
        {
            return NotFound();
        }

        await editor.DeleteAsync(peak.Id, HttpContext.RequestAborted).ConfigureAwait(false);
        Flash($"Deleted {peak.DisplayName}.");
        await RebuildAsync().ConfigureAwait(false);
        return Redirect("/admin/peaks");
    }

    /// <summary>Stores uploaded reference photos.</summary>
    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> photos)
    {
        if (Id is null || editor.Find(Id) is not { } peak)
        {
            return NotFound();
        }

        var stored = 0;
        foreach (var photo in photos ?? [])
        {
            if (photo.Length == 0 || photo.Length > options.MaxUploadBytes)
            {
                Flash($"{photo.FileName}: empty or larger than {options.MaxUploadBytes / 1024 / 1024} MB.", error: true);
                continue;
            }

            try
            {
                var stream = photo.OpenReadStream();
                await using (stream.ConfigureAwait(false))
                {
                    await editor.AddReferencePhotoAsync(peak, photo.FileName, stream, HttpContext.RequestAborted).ConfigureAwait(false);
                }

                peak = editor.Find(Id) ?? peak;
                stored++;
            }
            catch (PeakCatalogException e)
            {
                Flash(e.Message, error: true);
            }
        }

        if (stored > 0)
        {
            Flash($"Added {stored} reference photo(s). Rebuild the prototypes to use them.");
        }

        return Redirect("/admin/peaks/edit/" + Uri.EscapeDataString(Id));
    }

    /// <summary>Deletes one reference photo.</summary>
    public IActionResult OnPostRemovePhoto(string file)
    {
        if (Id is null || editor.Find(Id) is not { } peak)
        {
            return NotFound();
        }

        editor.RemoveReferencePhoto(peak, file);
        Flash($"Removed {file}. Rebuild the prototypes to apply.");
        return Redirect("/admin/peaks/edit/" + Uri.EscapeDataString(Id));
    }

    /// <summary>A JPEG thumbnail of one reference photo (HEIC included).</summary>
    public async Task<IActionResult> OnGetPhotoAsync(string file)
    {
        if (Id is null || editor.Find(Id) is not { } peak || editor.ReferencePhotoPath(peak, file) is not { } path)
        {
            return NotFound();
        }

        var info = new FileInfo(path);
        try
        {
            var thumb = await thumbnails.GetAsync("ref:" + peak.Id + "/" + file, new PhotoFile(path, info.Length, info.LastWriteTimeUtc), 300, HttpContext.RequestAborted).ConfigureAwait(false);
            return PhysicalFile(thumb, "image/jpeg");
        }
        catch (ImageDecodeException)
        {
            return StatusCode(StatusCodes.Status422UnprocessableEntity);
        }
    }

    private async Task RebuildAsync()
    {
        try
        {
            var rebuilt = await editor.RebuildAsync(false, HttpContext.RequestAborted).ConfigureAwait(false);
            if (rebuilt.Failure is { } failure)
            {
                Flash($"{TempData["Flash"]} Rebuild failed: {failure}", error: true);
                return;
            }

            var result = rebuilt.Value;
            Flash($"{TempData["Flash"]} Prototypes rebuilt: {result.Updated} updated, {result.Deleted} deleted"
                + (result.Failures.Count > 0 ? $"; failures: {string.Join("; ", result.Failures)}" : "."), result.Failures.Count > 0);
        }
        catch (PeakCatalogException e)
        {
            Flash($"{TempData["Flash"]} Rebuild failed: {e.Message}", error: true);
        }
    }

    private async Task LoadAlbumMarksAsync(Peak peak)
    {
        var read = await albumPhotos.FindAsync([.. peak.AlbumReferences, .. peak.AlbumNegatives], HttpContext.RequestAborted).ConfigureAwait(false);

        // A failed read is shown as "not in the photos index"; the page still works.
        var found = read.Succeeded ? read.Value : [];

        var used = ReferenceSelection.AlbumReferences(peak.AlbumReferences, found.ContainsKey, peaksOptions.Value.MaxReferencePhotos).ToHashSet();
        AlbumReferences = [.. peak.AlbumReferences.Reverse().Select(p => Marked(p, used.Contains(p) ? "blended in" : "not blended (over the limit)"))];
        AlbumNegatives = [.. peak.AlbumNegatives.Reverse().Select(p => Marked(p, "negative"))];

        MarkedPhoto Marked(AlbumPhoto photo, string note) =>
            found.GetValueOrDefault(photo)?.Id is { } id ? new MarkedPhoto(photo, id, note) : new MarkedPhoto(photo, null, "not in the photos index");
    }

    private void Flash(string text, bool error = false)
    {
        TempData["Flash"] = text.Trim();
        TempData["FlashKind"] = error ? "error" : "";
    }
}
