using Gateway.Rewrite;
using Microsoft.AspNetCore.Antiforgery;

namespace Gateway.Hosting;

/// <summary>
/// Recognises exceptions that a caller's bad request causes inside ASP.NET Core, Kestrel or YARP (broken chunking,
/// a multipart body without a boundary, junk in a compressed body, an unbindable query parameter) and gives the
/// Elasticsearch error they deserve; anything else is a bug and stays a 500.
/// </summary>
internal static class ClientFault
{
    /// <summary>The error to answer for <paramref name="exception"/>, or null when it is not the caller's fault.</summary>
    public static RewriteError? From(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BadHttpRequestException bad:
                    return new RewriteError(bad.StatusCode, TypeOf(bad.StatusCode), bad.Message);
                case AntiforgeryValidationException:
                    return new RewriteError(400, "illegal_argument_exception", "the form's antiforgery token is missing or invalid");
                case InvalidDataException:
                    return new RewriteError(400, "parse_exception", "the request body is malformed: " + e.Message);
                case System.Text.Json.JsonException:
                    return new RewriteError(400, "parsing_exception", "the request body is not valid JSON: " + e.Message);
                case OverflowException when exception is IOException:
                    // Kestrel's chunked parser reports a chunk size over 2^63 as an IOException around an overflow.
                    return new RewriteError(400, "parse_exception", "the request body is malformed: " + exception.Message);
            }
        }

        return null;
    }

    /// <summary>The Elasticsearch error type for a status the gateway answers without a more specific one.</summary>
    public static string TypeOf(int status) => status switch
    {
        401 or 403 => "security_exception",
        404 => "resource_not_found_exception",
        405 => "method_not_allowed_exception",
        408 => "timeout_exception",
        413 => "content_too_long_exception",
        415 => "media_type_header_exception",
        429 => "es_rejected_execution_exception",
        >= 500 => "status_exception",
        _ => "illegal_argument_exception",
    };
}
