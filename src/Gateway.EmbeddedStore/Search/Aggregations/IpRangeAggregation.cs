using System.Buffers.Binary;
using System.Net;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>ip_range</c>: one bucket per range of addresses, given as <c>from</c> (included) / <c>to</c> (excluded) or as a
/// CIDR <c>mask</c>; IPv4 and IPv6 compare in one 128-bit space (IPv4 as IPv4-mapped). Keys are <c>from-to</c> with
/// <c>*</c> for an open end, or the mask; keyed and missing as on <c>range</c>.
/// </summary>
internal sealed class IpRangeAggregation : Aggregation
{
    private static readonly string[] RangeKeys = ["key", "from", "to", "mask"];

    private readonly string _field;
    private readonly List<(string Key, UInt128? From, UInt128? To)> _ranges = [];
    private readonly bool _keyed;
    private readonly UInt128? _missing;

    public IpRangeAggregation(string name, JsonObject options)
        : base(name)
    {
        _field = AggField.Require(options, "ip_range");
        _keyed = options["keyed"] is { } keyed && JsonValues.ToBool(keyed, "keyed");
        _missing = JsonValues.AsString(options["missing"]) is { } missing ? Address(missing) : null;
        if (options["ranges"] is not JsonArray ranges || ranges.Count == 0)
        {
            throw StoreException.IllegalArgument("No [ranges] specified for the [" + name + "] aggregation");
        }

        foreach (var range in ranges)
        {
            _ranges.Add(ParseRange(range as JsonObject ?? throw StoreException.Parsing("[ranges] must be an array of objects")));
        }

        // Elasticsearch sorts the ranges by their lower bound (an open one first), then by their upper bound.
        _ranges = [.. _ranges.OrderBy(r => r.From ?? UInt128.Zero).ThenBy(r => r.From is not null).ThenBy(r => r.To ?? UInt128.MaxValue).ThenBy(r => r.To is null)];
    }

    public override string TypedName(AggDocs docs) => "ip_range";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var mapping = AggField.Resolve(docs, _field);
        if (mapping is not null && mapping.Encoding != KeywordEncoding.Ip)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Field [" + _field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [ip_range]"));
        }

        var members = _ranges.Select(_ => new Dictionary<ShardOutcome, List<int>>()).ToList();
        foreach (var (outcome, ord, values) in docs.WithField(_field))
        {
            var addresses = AggField.Strings(values).Select(Address).ToList();
            if (addresses.Count == 0 && _missing is { } missing)
            {
                addresses.Add(missing);
            }

            for (var i = 0; i < _ranges.Count; i++)
            {
                var (_, from, to) = _ranges[i];
                if (addresses.Any(a => (from is null || a >= from) && (to is null || a < to)))
                {
                    if (!members[i].TryGetValue(outcome, out var list))
                    {
                        list = [];
                        members[i][outcome] = list;
                    }

                    list.Add(ord);
                }
            }
        }

        var array = new JsonArray();
        var keyedBuckets = new JsonObject();
        for (var i = 0; i < _ranges.Count; i++)
        {
            var (key, from, to) = _ranges[i];
            var bucket = new JsonObject();
            if (!_keyed)
            {
                bucket["key"] = key;
            }

            if (from is { } f)
            {
                bucket["from"] = Text(f);
            }

            if (to is { } t)
            {
                bucket["to"] = Text(t);
            }

            bucket["doc_count"] = members[i].Values.Sum(l => l.Count);
            AddSubAggregations(bucket, AggDocs.FromOrdinals(docs.Parts, members[i]), typedKeys);
            if (_keyed)
            {
                keyedBuckets[key] = bucket;
            }
            else
            {
                array.Add(bucket);
            }
        }

        return new JsonObject { ["buckets"] = _keyed ? keyedBuckets : array };
    }

    private static (string, UInt128?, UInt128?) ParseRange(JsonObject range)
    {
        foreach (var (option, _) in range)
        {
            if (Array.IndexOf(RangeKeys, option) < 0)
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[range] unknown field [" + option + "]");
            }
        }

        var key = JsonValues.AsString(range["key"]);
        if (JsonValues.AsString(range["mask"]) is { } mask)
        {
            if (range["from"] is not null || range["to"] is not null)
            {
                throw StoreException.IllegalArgument("Cannot set [from] or [to] along with a [mask]: [" + mask + "]");
            }

            var (lower, upper) = Mask(mask);
            return (key ?? mask, lower, upper);
        }

        var fromText = JsonValues.AsString(range["from"]);
        var toText = JsonValues.AsString(range["to"]);
        return (key ?? (fromText ?? "*") + "-" + (toText ?? "*"), fromText is null ? null : Address(fromText), toText is null ? null : Address(toText));
    }

    private static (UInt128, UInt128?) Mask(string mask)
    {
        var slash = mask.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !int.TryParse(mask[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits))
        {
            throw StoreException.IllegalArgument("Expected [ip/prefix] but was [" + mask + "]");
        }

        var address = Address(mask[..slash]);
        var isV4 = mask[..slash].Contains('.', StringComparison.Ordinal);
        var prefix = isV4 ? bits + 96 : bits;
        if (bits < 0 || prefix > 128)
        {
            throw StoreException.IllegalArgument("Illegal prefix length [" + bits + "] in [" + mask + "]");
        }

        var hostBits = 128 - prefix;
        var hostMask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        var lower = address & ~hostMask;
        var upper = lower | hostMask;
        return (lower, upper == UInt128.MaxValue ? null : upper + 1);
    }

    private static UInt128 Address(string text)
    {
        string canonical;
        try
        {
            canonical = IpValues.Canonical(text);
        }
        catch (FormatException e)
        {
            throw StoreException.IllegalArgument(e.Message);
        }

        return BinaryPrimitives.ReadUInt128BigEndian(IPAddress.Parse(canonical).MapToIPv6().GetAddressBytes());
    }

    private static string Text(UInt128 value)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        var address = new IPAddress(bytes);
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString().ToLowerInvariant();
    }
}
