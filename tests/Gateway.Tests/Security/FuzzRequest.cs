namespace Gateway.Tests.Security;

/// <summary>One generated bad request, sent as raw HTTP/1.1 bytes so that broken chunking and encodings reach the server as written.</summary>
/// <param name="Family">Which generator made it (failures are grouped by it).</param>
/// <param name="Method">The request method.</param>
/// <param name="Target">The request target (path and query).</param>
/// <param name="Headers">Headers besides Host, Connection and Content-Length.</param>
/// <param name="Body">The body bytes, as they go on the wire.</param>
/// <param name="Chunked">Whether <paramref name="Body"/> is already chunk-framed (no Content-Length is added).</param>
internal sealed record FuzzRequest(string Family, string Method, string Target, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body, bool Chunked = false)
{
    public override string ToString() =>
        $"{Family}: {Method} {Target} [{string.Join("; ", Headers.Select(h => h.Name + ": " + h.Value))}] {System.Text.Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 160)])}";
}
