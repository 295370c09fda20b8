using Gateway.Admin;
using Gateway.Photos.Ingestion;
using Gateway.Upstream;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Pages.Admin;

/// <summary>The identification rules in effect and the album's score distribution, to calibrate the unknown threshold.</summary>
internal sealed class IdentificationModel(UpstreamClient upstream, IOptions<GatewayIndicesOptions> indices, IOptions<PhotosOptions> photos) : PageModel
{
    /// <summary>The rules in effect (section <c>Photos</c>).</summary>
    public PhotosOptions Rules { get; } = photos.Value;

    /// <summary>The photos alias read.</summary>
    public string PhotosIndex => indices.Value.Photos;

    /// <summary>The histogram, or null when it could not be read.</summary>
    public ScoreDistribution? Distribution { get; private set; }

    /// <summary>Why the distribution could not be read.</summary>
    public string? Error { get; private set; }

    /// <summary>Loads the histogram; <paramref name="interval"/> is the bucket width (0.001-1, default 0.02).</summary>
    public async Task OnGetAsync(double? interval)
    {
        var width = interval is >= 0.001 and <= 1 ? interval.Value : 0.02;
        var response = await upstream.SendAsync(HttpMethod.POST, $"/{Uri.EscapeDataString(PhotosIndex)}/_search", ScoreDistribution.Query(width).ToJsonString(), cancellationToken: HttpContext.RequestAborted).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            Distribution = ScoreDistribution.Parse(response.Body, width);
        }
        else
        {
            Error = response.Error ?? "the upstream did not answer";
        }
    }
}
