using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query.Functions;

/// <summary><c>field_value_factor</c>: <c>modifier(factor × value)</c> of a numeric field's first value.</summary>
internal sealed class FieldValueFactorFunction : ScoreFunction
{
    public required string Field { get; init; }

    public double Factor { get; init; } = 1;

    public string Modifier { get; init; } = "none";

    public double? Missing { get; init; }

    public static Func<double, double> ModifierFor(string modifier) => modifier switch
    {
        "none" => v => v,
        "log" => Math.Log10,
        "log1p" => v => Math.Log10(v + 1),
        "log2p" => v => Math.Log10(v + 2),
        "ln" => Math.Log,
        "ln1p" => v => Math.Log(v + 1),
        "ln2p" => v => Math.Log(v + 2),
        "square" => v => v * v,
        "sqrt" => Math.Sqrt,
        "reciprocal" => v => 1 / v,
        _ => throw StoreException.Parsing("Illegal modifier: " + modifier),
    };

    public override Func<int, double> Bind(SearchContext context)
    {
        var modify = ModifierFor(Modifier);
        var snapshot = context.Snapshot;
        var known = context.Field(Field) is not null;
        return ord =>
        {
            snapshot.Doc(ord).Fields.TryGetValue(Field, out var values);
            var numbers = FieldNumbers.Of(values);
            double value;
            if (numbers.Count > 0)
            {
                // Elasticsearch reads the first of the sorted doc values: the smallest.
                value = numbers.Min();
            }
            else if (Missing is { } missing)
            {
                value = missing;
            }
            else if (!known)
            {
                return 1d;
            }
            else
            {
                throw SearchErrors.AllShardsFailed(StoreException.BadRequest("exception", "Missing value for field [" + Field + "]"));
            }

            var result = modify(Factor * value);
            if (double.IsNaN(result) || double.IsInfinity(result) || result < 0)
            {
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                    "field value function must not produce negative scores, but got: [" + result + "] for field value: [" + value + "]"));
            }

            return result;
        };
    }
}
