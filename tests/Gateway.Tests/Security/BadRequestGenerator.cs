using System.IO.Compression;
using System.Text;

namespace Gateway.Tests.Security;

/// <summary>
/// Deterministic (seeded) bad requests across the gateway's own API, the search rewrite, the embedded store through
/// the proxy, the photo routes and the pages: wrong JSON types, duplicate keys, invalid UTF-8, truncated JSON, junk
/// compressed bodies, broken chunking, multipart without a boundary, bad query parameters and odd methods.
/// </summary>
internal sealed class BadRequestGenerator(int seed)
{
    private static readonly string[] Values =
    [
        "5", "-1.5", "true", "null", "[]", "{}", "\"\"", "\"x\"", "[1,2]", "[\"a\",5]", "{\"a\":1}", "1e999", "\"\\ud800\"",
        "\"data:image/png;base64,!!!\"", "\"not base64\"", "\"data:;base64,\"", "\"" + new string('a', 300) + "\"", "\"iVBORw0KGgo=\"",
    ];

    private static readonly string[] ApiKeys = ["text", "texts", "image", "raw", "base64", "photo_id", "index"];
    private static readonly string[] SearchKeys = ["query_text", "query_image", "query", "knn", "size", "_source", "from"];
    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "", "application/x-www-form-urlencoded",
        "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=zz", "application/x-ndjson",
    ];

    private static readonly string[] Methods = ["TRACE", "PATCH", "DELETE", "PUT", "OPTIONS", "POST", "GET", "HEAD", "PROPFIND", "CONNECT"];
    private static readonly string[] Pages = ["/admin", "/admin/signin", "/admin/setup", "/admin/albums", "/ui", "/jobs", "/_gateway/health", "/_gateway/jobs", "/_gateway/jobs/zz/_cancel", "/_ui/photos/x/thumb", "/_ui/photos/p1/original", "/_ui/photos/p2/thumb", "/_ui/photos/p1/preview", "/_ui/app.css"];

    private readonly Random _random = new(seed);

    /// <summary><paramref name="count"/> requests, the same ones for the same seed.</summary>
    public IEnumerable<FuzzRequest> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return (i % 8) switch
            {
                0 => Api("/_gateway/embed", ApiKeys[..4]),
                1 => Api("/_gateway/identify" + Pick("", "?top=abc", "?top=-1", "?top=99999999999", "?top=", "?top=1.5"), ApiKeys[3..]),
                2 => Search(),
                3 => Store(),
                4 => Encoded(),
                5 => Chunked(),
                6 => Method(),
                _ => Multipart(),
            };
        }
    }

    private FuzzRequest Api(string path, string[] keys) =>
        new("api", "POST", path, [("Content-Type", Pick(ContentTypes[..3]))], Mutate(JsonObject(keys)));

    private FuzzRequest Search()
    {
        var path = Pick("/fz/_search", "/_search", "/fz,photos/_search", "/fz/_msearch", "/photos/_search?size=abc", "/fz/_search?q=%ZZ");
        var body = JsonObject(SearchKeys);
        if (path.Contains("_msearch", StringComparison.Ordinal))
        {
            body = Pick("{}\n", "{\"index\":5}\n", "[\n", "") + body + "\n";
        }

        return new("search", Pick("POST", "GET"), path, [("Content-Type", "application/json")], Mutate(body));
    }

    private FuzzRequest Store()
    {
        var (method, path) = Pick(
            // (A NUL in the path, %00, is refused by Kestrel before any middleware runs: 400 with no body, like a malformed request line.)
            ("PUT", "/fz/_doc/" + Pick("1", "%01", "a%2Fb", new string('i', 600), "_x")),
            ("POST", "/fz/_doc"),
            ("POST", "/fz/_bulk"),
            ("POST", "/fz/_update/1"),
            ("PUT", "/" + Pick("_bad", "UPPER", "a*b", "..", "fz") + "/_mapping"),
            ("PUT", "/fz2"),
            ("POST", "/fz/_search?size=" + Pick("abc", "-5", "99999999999")),
            ("DELETE", "/fz/_doc/" + Pick("%ZZ", "1")),
            ("POST", "/fz/_count"),
            ("PUT", "/photos/_doc/" + Pick("p1", "p2")));
        var body = path.EndsWith("_bulk", StringComparison.Ordinal)
            ? Pick("{\"index\":{}}\n", "{\"delete\":5}\n", "{\"zz\":{}}\n", "junk\n") + JsonObject(["path", "album", "a"]) + "\n"
            : JsonObject(["path", "album", "a", "doc", "properties", "mappings", "settings"]);
        return new("store", method, path, [("Content-Type", "application/json")], Mutate(body));
    }

    private FuzzRequest Encoded()
    {
        var encoding = Pick("gzip", "br", "deflate", "x-gzip", "gzip, br", "zz");
        var json = Encoding.UTF8.GetBytes(JsonObject(Pick(SearchKeys, ApiKeys, ["a"])));
        var body = Pick(0, 1, 2) switch
        {
            0 => Junk(),
            1 => Compress(json, encoding)[..Math.Max(1, Compress(json, encoding).Length / 2)],
            _ => Compress(Mutate(Encoding.UTF8.GetString(json)), encoding),
        };
        var path = Pick("/fz/_search", "/fz/_doc/e", "/fz/_bulk", "/_gateway/embed", "/_gateway/identify", "/fz/_msearch");
        return new("encoded", path.Contains("_doc", StringComparison.Ordinal) ? "PUT" : "POST", path,
            [("Content-Type", "application/json"), ("Content-Encoding", encoding)], body);
    }

    private FuzzRequest Chunked()
    {
        var size = Pick("zz", "-1", "7fffffffffffffff", "0x10", " 5", "5;ext=\"unterminated", "ffffffffffffffffff", "");
        var body = Encoding.ASCII.GetBytes(Pick(
            $"{size}\r\n{{\"a\":1}}\r\n0\r\n\r\n",
            "5\r\n{\"a\":1}\r\n0\r\n\r\n",
            "3\r\n{\"a\r\n0\r\n\r\n",
            "2\r\n{}\r\n0\r\nX-Trailer: " + new string('t', 10) + "\r\n\r\n",
            $"{size}\r\n\r\n0\r\n\r\n"));
        var path = Pick("/fz/_search", "/fz/_doc/c", "/fz/_bulk", "/_gateway/embed", "/_gateway/identify", "/_gateway/jobs", "/admin/signin");
        return new("chunked", path.Contains("_doc", StringComparison.Ordinal) ? "PUT" : "POST", path, [("Content-Type", "application/json")], body, Chunked: true);
    }

    private FuzzRequest Method()
    {
        var method = Pick(Methods);
        var body = method is "POST" or "PUT" or "PATCH" ? Mutate(JsonObject(ApiKeys)) : [];
        return new("method", method, Pick(Pages), [("Content-Type", Pick(ContentTypes))], body);
    }

    private FuzzRequest Multipart()
    {
        var boundary = Pick("b", "", "\"quoted\"", new string('b', 80));
        var part = Pick(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\n{Pick("junk", "", "\u0089PNG")}\r\n--{boundary}--\r\n",
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue\r\n--{boundary}--\r\n",
            $"--{boundary}\r\n\r\n",
            "no parts at all");
        var type = Pick("multipart/form-data", $"multipart/form-data; boundary={boundary}", "multipart/mixed; boundary=b", $"multipart/form-data; boundary={boundary}; boundary=c");
        return new("multipart", "POST", Pick("/_gateway/identify", "/_gateway/identify?top=abc", "/_gateway/embed", "/admin/albums"),
            [("Content-Type", type)], Encoding.UTF8.GetBytes(part));
    }

    private string JsonObject(string[] keys)
    {
        var members = new List<string>();
        var count = _random.Next(0, 4);
        for (var i = 0; i < count; i++)
        {
            var key = Pick(keys);
            var value = Pick(Values);
            members.Add($"\"{key}\":{value}");
            if (_random.Next(4) == 0)
            {
                members.Add($"\"{key}\":{Pick(Values)}");
            }
        }

        return "{" + string.Join(",", members) + "}";
    }

    private byte[] Mutate(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return _random.Next(6) switch
        {
            0 => bytes[..(bytes.Length / 2)],
            1 => [.. bytes[..Math.Max(0, bytes.Length - 2)], 0xC3, 0x28, .. bytes[Math.Max(0, bytes.Length - 2)..]],
            2 => [.. bytes, .. Encoding.UTF8.GetBytes("}]")],
            3 => Encoding.UTF8.GetBytes(new string('[', 2000)),
            _ => bytes,
        };
    }

    private byte[] Junk()
    {
        var junk = new byte[_random.Next(1, 64)];
        _random.NextBytes(junk);
        return junk;
    }

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];
}
