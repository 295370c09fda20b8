using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Rewrite;

/// <summary>
/// Rewrites <c>_search</c> and <c>_msearch</c> bodies that carry <c>query_text</c> or <c>query_image</c>
/// into plain Elasticsearch kNN searches. Pure: no HTTP, the vectors and mappings come through
/// <see cref="IQueryVectorSource"/> and <see cref="IVectorFieldResolver"/>. A body is rewritten
/// completely or refused; it is never half-rewritten. The rewrite's duration (<see cref="RewriteTelemetry"/>) is read
/// from <paramref name="time"/> (the system clock when null).
/// </summary>
public sealed class SearchRewriter(IQueryVectorSource vectors, IVectorFieldResolver fields, RewriteOptions options, TimeProvider? time = null)
{
    private static readonly byte[][] Markers =
    [
        Encoding.UTF8.GetBytes("\"query_text\""), Encoding.UTF8.GetBytes("\"query_image\""), Encoding.UTF8.GetBytes("\"neural\""),
        Encoding.UTF8.GetBytes("\"" + PeakInFrameFilter.Key + "\""),
    ];

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The options in effect.</summary>
    public RewriteOptions Options { get; } = options;

    /// <summary>A cheap byte scan: false means the body certainly needs no rewriting.</summary>
    public static bool MightNeedRewrite(ReadOnlySpan<byte> body)
    {
        foreach (var marker in Markers)
        {
            if (body.IndexOf(marker) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rewrites one <c>_search</c> body.</summary>
    /// <param name="indexExpression">The index expression of the request path, if any.</param>
    /// <param name="body">The request body (UTF-8 JSON).</param>
    /// <param name="cancellationToken">Cancels embedding and mapping look-ups.</param>
    public async ValueTask<RewriteResult> RewriteSearchAsync(string? indexExpression, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!MightNeedRewrite(body.Span))
        {
            return RewriteResult.Unchanged;
        }

        using var activity = RewriteTelemetry.Start("_search");
        var started = _time.GetTimestamp();
        var forms = new RewriteForms();
        var outcome = "failed";
        try
        {
            var root = StrictJson.ParseObject(body.Span, "request body");
            var context = new RewriteContext(vectors, fields, Options, indexExpression, cancellationToken) { Forms = forms };
            if (!await new BodyRewriter(context).RewriteAsync(root).ConfigureAwait(false))
            {
                outcome = "unchanged";
                return RewriteResult.Unchanged;
            }

            var rewritten = RewriteResult.Rewritten(JsonSerializer.SerializeToUtf8Bytes(root), [context.Annotation]);
            outcome = "rewritten";
            return rewritten;
        }
        catch (RewriteException e)
        {
            outcome = "refused";
            return RewriteResult.Refused(e.Error);
        }
        finally
        {
            RewriteTelemetry.Record(activity, "_search", forms, outcome, _time.GetElapsedTime(started));
        }
    }

    /// <summary>Rewrites every body line of an <c>_msearch</c> NDJSON body; lines that need nothing are kept byte for byte.</summary>
    public async ValueTask<RewriteResult> RewriteMultiSearchAsync(string? indexExpression, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!MightNeedRewrite(body.Span))
        {
            return RewriteResult.Unchanged;
        }

        using var activity = RewriteTelemetry.Start("_msearch");
        var started = _time.GetTimestamp();
        var forms = new RewriteForms();
        var outcome = "failed";
        try
        {
            var lines = SplitLines(body);
            if (lines.Count % 2 != 0)
            {
                throw RewriteException.BadRequest("[_msearch] the last header line has no body line");
            }

            var output = new List<ReadOnlyMemory<byte>>(lines.Count);
            var annotations = new List<GatewayAnnotation?>(lines.Count / 2);
            var changed = false;
            for (var i = 0; i < lines.Count; i += 2)
            {
                output.Add(lines[i]);
                var line = lines[i + 1];
                if (!MightNeedRewrite(line.Span))
                {
                    output.Add(line);
                    annotations.Add(null);
                    continue;
                }

                var header = StrictJson.ParseObject(lines[i].Span, $"_msearch header line {i + 1}");
                var search = StrictJson.ParseObject(line.Span, $"_msearch body line {i + 2}");
                var context = new RewriteContext(vectors, fields, Options, HeaderIndex(header) ?? indexExpression, cancellationToken) { Forms = forms };
                if (await new BodyRewriter(context).RewriteAsync(search).ConfigureAwait(false))
                {
                    output.Add(JsonSerializer.SerializeToUtf8Bytes(search));
                    annotations.Add(context.Annotation);
                    changed = true;
                }
                else
                {
                    output.Add(line);
                    annotations.Add(null);
                }
            }

            var result = changed ? RewriteResult.Rewritten(JoinLines(output), annotations) : RewriteResult.Unchanged;
            outcome = changed ? "rewritten" : "unchanged";
            return result;
        }
        catch (RewriteException e)
        {
            outcome = "refused";
            return RewriteResult.Refused(e.Error);
        }
        finally
        {
            RewriteTelemetry.Record(activity, "_msearch", forms, outcome, _time.GetElapsedTime(started));
        }
    }

    private static string? HeaderIndex(JsonObject header) => header["index"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var name) => name,
        JsonArray names => string.Join(',', names.Select(n => n?.GetValue<string>())),
        _ => null,
    };

    private static List<ReadOnlyMemory<byte>> SplitLines(ReadOnlyMemory<byte> body)
    {
        var lines = new List<ReadOnlyMemory<byte>>();
        var rest = body;
        while (!rest.IsEmpty)
        {
            var newline = rest.Span.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? ReadOnlyMemory<byte>.Empty : rest[(newline + 1)..];
            if (!line.Span.Trim("\r \t"u8).IsEmpty)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static byte[] JoinLines(List<ReadOnlyMemory<byte>> lines)
    {
        var buffer = new byte[lines.Sum(l => l.Length + 1)];
        var offset = 0;
        foreach (var line in lines)
        {
            line.Span.CopyTo(buffer.AsSpan(offset));
            offset += line.Length;
            buffer[offset++] = (byte)'\n';
        }

        return buffer;
    }
}
