using System.Net.Sockets;
using System.Text;

namespace Gateway.Tests.Security;

/// <summary>
/// Sends one <see cref="FuzzRequest"/> over a fresh loopback connection and reads the answer. Hand-written because
/// HttpClient refuses to send what the fuzz test needs (a chunk size of <c>zz</c>, a Content-Length that lies).
/// </summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Body)> SendAsync(Uri address, FuzzRequest request, CancellationToken cancellationToken)
    {
        // No half-close after the body: Kestrel takes a FIN as the client going away and aborts the request.
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, cancellationToken);
        await using var stream = client.GetStream();
        var head = new StringBuilder();
        head.Append(request.Method).Append(' ').Append(request.Target).Append(" HTTP/1.1\r\n");
        if (!request.Headers.Any(h => h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append("Host: ").Append(address.Authority).Append("\r\n");
        }

        head.Append("Connection: close\r\n");
        foreach (var (name, value) in request.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (request.Chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
        }
        else if (request.Body.Length > 0 || request.Method is "POST" or "PUT")
        {
            head.Append("Content-Length: ").Append(request.Body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        using var response = new MemoryStream();
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken);
            await stream.WriteAsync(request.Body, cancellationToken);
            await stream.CopyToAsync(response, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return (-1, "no answer within the timeout: " + Encoding.UTF8.GetString(response.ToArray()));
        }
        catch (IOException)
        {
            // The server may answer and close before it read the whole (bad) body; what arrived is the answer.
        }

        return Parse(response.ToArray());
    }

    private static (int Status, string Body) Parse(byte[] response)
    {
        var text = Encoding.UTF8.GetString(response);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || headerEnd < 0)
        {
            return (0, text);
        }

        var status = int.Parse(text.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        var headers = text[..headerEnd];
        var body = text[(headerEnd + 4)..];
        if (headers.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return (status, body);
    }

    private static string Unchunk(string chunked)
    {
        var result = new StringBuilder();
        var position = 0;
        while (position < chunked.Length)
        {
            var lineEnd = chunked.IndexOf("\r\n", position, StringComparison.Ordinal);
            if (lineEnd < 0)
            {
                break;
            }

            if (!int.TryParse(chunked[position..lineEnd].Split(';')[0].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }

            // Sizes count bytes, not chars; the error bodies checked here are ASCII JSON.
            result.Append(chunked, lineEnd + 2, Math.Min(size, chunked.Length - lineEnd - 2));
            position = lineEnd + 2 + size + 2;
        }

        return result.ToString();
    }
}
