using System.Globalization;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// The options every by-query run shares (<c>max_docs</c>, <c>conflicts</c>, <c>slices</c>,
/// <c>requests_per_second</c>), set and checked as Elasticsearch's <c>AbstractBulkByScrollRequest</c> and
/// <c>AbstractBaseReindexRestHandler</c> do: setters refuse bad values at once with Elasticsearch's messages, and
/// <see cref="Validate"/> reports the request-level problems together as one
/// <c>action_request_validation_exception</c>, before any index is resolved or any "not supported" guard runs.
/// </summary>
internal sealed class ByQueryRequest
{
    private const string RequestsPerSecondError = "[requests_per_second] must be a float greater than 0. Use -1 to disable throttling.";
    private readonly List<string> _validationErrors = [];

    /// <summary>The most documents to process; null for all matches.</summary>
    public long? MaxDocs { get; private set; }

    /// <summary>True with <c>conflicts: proceed</c>: version conflicts are counted, not fatal.</summary>
    public bool Proceed { get; private set; }

    /// <summary>The number of slices asked for; null for <c>auto</c>.</summary>
    public int? Slices { get; private set; } = 1;

    /// <summary>Documents per second; <see cref="float.PositiveInfinity"/> when unthrottled (<c>-1</c>).</summary>
    public float RequestsPerSecond { get; private set; } = float.PositiveInfinity;

    /// <summary>Sets <c>max_docs</c> (or a search <c>size</c>), refusing a negative value and a second, different one.</summary>
    public void SetMaxDocs(long value)
    {
        if (MaxDocs is { } current && current != value)
        {
            throw StoreException.IllegalArgument("[max_docs] set to two different values [" + current + "] and [" + value + "]");
        }

        if (value < 0)
        {
            throw StoreException.IllegalArgument("[max_docs] parameter cannot be negative, found [" + value + "]");
        }

        MaxDocs = value;
    }

    public void SetConflicts(string value) => Proceed = value switch
    {
        "proceed" => true,
        "abort" => false,
        _ => throw StoreException.IllegalArgument("conflicts may only be \"proceed\" or \"abort\" but was [" + value + "]"),
    };

    /// <summary>Records a request-level problem that <see cref="Validate"/> reports.</summary>
    public void AddValidationError(string reason) => _validationErrors.Add(reason);

    /// <summary>
    /// The URL options every by-query API reads after its body (Elasticsearch's <c>setCommonOptions</c>):
    /// <c>slices</c>, <c>requests_per_second</c> and <c>max_docs</c>.
    /// </summary>
    public void ReadCommonParameters(RestRequest request)
    {
        if (request.Param("slices") is { } slices)
        {
            Slices = slices == "auto" ? null
                : int.TryParse(slices, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 1 ? count
                : throw StoreException.IllegalArgument("[slices] must be a positive integer or the string \"auto\", but was [" + slices + "]");
        }

        if (request.Param("requests_per_second") is { } perSecond)
        {
            RequestsPerSecond = ParseRequestsPerSecond(perSecond);
        }

        if (request.Param("max_docs") is not null)
        {
            SetMaxDocs(request.IntParam("max_docs")!.Value);
        }
    }

    /// <summary>
    /// Elasticsearch's <c>AbstractBulkByScrollRequest.validate</c> checks (plus those recorded by the caller), all
    /// reported together.
    /// </summary>
    public void Validate()
    {
        if (MaxDocs is { } max && max == 0)
        {
            _validationErrors.Add("maxDocs should be greater than 0 if the request is limited to some number of documents or -1 if it isn't but it was [0]");
        }

        if (MaxDocs is { } limit && Slices is { } slices && limit < slices)
        {
            _validationErrors.Add("[max_docs] should be >= [slices]");
        }

        if (_validationErrors.Count > 0)
        {
            throw new StoreException(400, "action_request_validation_exception",
                "Validation Failed: " + string.Concat(_validationErrors.Select((e, i) => (i + 1).ToString(CultureInfo.InvariantCulture) + ": " + e + ";")));
        }
    }

    /// <summary>Elasticsearch's <c>parseRequestsPerSecond</c>: a positive float, or -1 for unthrottled.</summary>
    public static float ParseRequestsPerSecond(string value)
    {
        if (!float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || float.IsNaN(parsed))
        {
            throw StoreException.IllegalArgument(RequestsPerSecondError);
        }

        if (parsed == -1)
        {
            return float.PositiveInfinity;
        }

        return parsed > 0 ? parsed : throw StoreException.IllegalArgument(RequestsPerSecondError);
    }
}
