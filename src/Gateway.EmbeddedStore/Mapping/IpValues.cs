using System.Net;
using System.Net.Sockets;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>Elasticsearch's <c>ip</c> values: parsing, the canonical text form, and CIDR ranges.</summary>
internal static class IpValues
{
    /// <summary>
    /// The canonical form of an IPv4 or IPv6 literal, as Elasticsearch renders it: IPv4-mapped IPv6 addresses as
    /// IPv4, IPv6 compressed and lower-case. Throws <see cref="FormatException"/> with Elasticsearch's wording.
    /// </summary>
    public static string Canonical(string text) => Format(Parse(text));

    /// <summary>A test of whether a (canonical) address lies in <paramref name="cidr"/> (<c>a.b.c.d/n</c> or <c>v6/n</c>).</summary>
    public static Func<string, bool> CidrMatcher(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var network = Parse(cidr[..slash]);
        if (!int.TryParse(cidr[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
            || bits > (network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
        {
            throw new FormatException("Expected [ip/prefix] but was [" + cidr + "]");
        }

        var prefix = Bytes(network);
        var total = network.AddressFamily == AddressFamily.InterNetwork ? bits + 96 : bits;
        return value =>
        {
            if (!IPAddress.TryParse(value, out var candidate))
            {
                return false;
            }

            var bytes = Bytes(candidate);
            for (var i = 0; i < total; i++)
            {
                var mask = 0x80 >> (i % 8);
                if ((bytes[i / 8] & mask) != (prefix[i / 8] & mask))
                {
                    return false;
                }
            }

            return true;
        };
    }

    private static IPAddress Parse(string text)
    {
        // IPAddress.TryParse also takes forms Elasticsearch refuses ("1", "0x7f.1", scope ids): only dotted quads and
        // colon-hex literals are IP strings there.
        if (text.Length == 0 || text.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var address)
            || (address.AddressFamily == AddressFamily.InterNetwork && !IsDottedQuad(text)))
        {
            throw new FormatException("'" + text + "' is not an IP string literal.");
        }

        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    private static bool IsDottedQuad(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }

    private static string Format(IPAddress address) => address.ToString().ToLowerInvariant();

    private static byte[] Bytes(IPAddress address) => address.MapToIPv6().GetAddressBytes();
}
