using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>ip_prefix</c>: one bucket per network of an ip field, as Elasticsearch's IpPrefixAggregator computes it on the
/// 16-byte encoding: with <c>is_ipv6</c> (false) the mask of <c>prefix_len</c> bits (0-32) applies to the last four
/// bytes and the key is an IPv4 address with its <c>netmask</c>, with <c>is_ipv6: true</c> the mask (0-128) applies
/// to all sixteen and the netmask is null. Buckets in address order, <c>min_doc_count</c> (1), <c>keyed</c>,
/// <c>append_prefix_len</c> (<c>192.168.1.0/24</c>).
/// </summary>
internal sealed class IpPrefixAggregation : Aggregation
{
    private readonly string _field;
    private readonly int _prefixLength;
    private readonly bool _isIpv6;
    private readonly bool _appendPrefixLength;
    private readonly bool _keyed;
    private readonly long _minDocCount;

    public IpPrefixAggregation(string name, JsonObject options)
        : base(name)
    {
        _field = AggField.Require(options, "ip_prefix");
        _isIpv6 = options["is_ipv6"] is { } v6 && JsonValues.ToBool(v6, "is_ipv6");
        _prefixLength = options["prefix_len"] is { } l ? JsonValues.ToInt(l, "prefix_len")
            : throw StoreException.IllegalArgument("[prefix_len] is required for aggregation [" + name + "]");
        var max = _isIpv6 ? 128 : 32;
        if (_prefixLength < 0 || _prefixLength > max)
        {
            throw StoreException.IllegalArgument("[prefix_len] must be in range [0, " + max + "] for aggregation [" + name + "]");
        }

        _appendPrefixLength = options["append_prefix_len"] is { } a && JsonValues.ToBool(a, "append_prefix_len");
        _keyed = options["keyed"] is { } k && JsonValues.ToBool(k, "keyed");
        _minDocCount = options["min_doc_count"] is { } m ? JsonValues.ToInt(m, "min_doc_count") : 1;
        if (_minDocCount < 1)
        {
            throw StoreException.IllegalArgument("[min_doc_count] must be greater than or equal to 1. Found [" + _minDocCount + "] in [" + name + "]");
        }
    }

    public override string TypedName(AggDocs docs) => "ip_prefix";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        if (AggField.Resolve(docs, _field) is { } mapping && mapping.Encoding != KeywordEncoding.Ip)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Field [" + _field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [ip_prefix]"));
        }

        var mask = Mask();
        var networks = new SortedDictionary<BigInteger, Dictionary<ShardOutcome, List<int>>>();
        foreach (var (outcome, ord, values) in docs.WithField(_field))
        {
            foreach (var network in AggField.Strings(values).Select(s => Bits(s) & mask).Distinct())
            {
                if (!networks.TryGetValue(network, out var perShard))
                {
                    perShard = [];
                    networks[network] = perShard;
                }

                if (!perShard.TryGetValue(outcome, out var list))
                {
                    list = [];
                    perShard[outcome] = list;
                }

                list.Add(ord);
            }
        }

        var array = new JsonArray();
        var keyed = new JsonObject();
        foreach (var (network, members) in networks)
        {
            var count = members.Values.Sum(l => l.Count);
            if (count < _minDocCount)
            {
                continue;
            }

            var key = Format(network) + (_appendPrefixLength ? "/" + _prefixLength : string.Empty);
            var bucket = new JsonObject();
            if (!_keyed)
            {
                bucket["key"] = key;
            }

            bucket["doc_count"] = count;
            bucket["is_ipv6"] = _isIpv6;
            bucket["prefix_len"] = _prefixLength;
            bucket["netmask"] = _isIpv6 ? null : Format(Mask());
            AddSubAggregations(bucket, AggDocs.FromOrdinals(docs.Parts, members), typedKeys);
            if (_keyed)
            {
                keyed[key] = bucket;
            }
            else
            {
                array.Add(bucket);
            }
        }

        return new JsonObject { ["buckets"] = _keyed ? keyed : array };
    }

    // The address as a number: all 16 bytes (IPv4 mapped into IPv6) for IPv6 keys, the last 4 for IPv4 ones.
    private BigInteger Bits(string address)
    {
        var bytes = IPAddress.Parse(address).MapToIPv6().GetAddressBytes();
        return new BigInteger(_isIpv6 ? bytes : bytes[12..], isUnsigned: true, isBigEndian: true);
    }

    private BigInteger Mask()
    {
        var width = _isIpv6 ? 128 : 32;
        return ((BigInteger.One << _prefixLength) - 1) << (width - _prefixLength);
    }

    private string Format(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var full = new byte[_isIpv6 ? 16 : 4];
        bytes.CopyTo(full, full.Length - bytes.Length);
        return new IPAddress(full).ToString();
    }
}
