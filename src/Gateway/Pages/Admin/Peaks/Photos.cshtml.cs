using System.Text.Json.Nodes;
using Gateway.Peaks;
using Gateway.Upstream;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Pages.Admin.Peaks;

/// <summary>The photos whose <c>predicted_peaks</c> include a peak.</summary>
internal sealed class PhotosModel(PeakCatalog catalog, UpstreamClient upstream, GatewayIndicesOptions indices) : PageModel
{
    /// <summary>The peak id.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>The peak.</summary>
    public Peak? Peak { get; private set; }

    /// <summary>Matching photos: id and album-relative path.</summary>
    public IReadOnlyList<(string Id, string Path)> Photos { get; private set; } = [];

    /// <summary>Total matches.</summary>
    public long Total { get; private set; }

    /// <summary>Why the search failed.</summary>
    public string? Error { get; private set; }

    /// <summary>Searches the photos index.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        Peak = catalog.Find(Id);
        if (Peak is null)
        {
            return NotFound();
        }

        var body = new JsonObject
        {
            ["size"] = 200,
            ["_source"] = new JsonArray("path"),
            ["query"] = new JsonObject { ["term"] = new JsonObject { ["predicted_peaks"] = Id } },
            ["track_total_hits"] = true,
        };
        var response = await upstream.SendAsync(HttpMethod.POST, $"/{indices.Photos}/_search", body.ToJsonString(), cancellationToken: HttpContext.RequestAborted).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            Error = response.Error;
            return Page();
        }

        Total = response.Body?["hits"]?["total"]?["value"]?.GetValue<long>() ?? 0;
        Photos = (response.Body?["hits"]?["hits"] as JsonArray ?? [])
            .Select(h => (h?["_id"]?.GetValue<string>() ?? "", h?["_source"]?["path"]?.GetValue<string>() ?? ""))
            .ToList();
        return Page();
    }
}
