using System.Numerics;
using System.Numerics.Tensors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Scripts;

/// <summary>
/// The functions score scripts may call, as Elasticsearch defines them: the vector functions
/// <c>cosineSimilarity</c>, <c>dotProduct</c>, <c>l1norm</c>, <c>l2norm</c> and <c>hamming</c> (query vector, field
/// name or <c>doc['field']</c>; float math for float vectors, integer math for byte vectors; the <c>+ 1.0</c> that
/// keeps scores positive is the script's), and <c>saturation</c> and <c>sigmoid</c>.
/// </summary>
internal static class ScoreFunctions
{
    public static void Register(ScriptBindings bindings, ScriptDocLookup doc, SearchContext context)
    {
        bindings.Functions["cosineSimilarity"] = a => Vector(a, doc, context, "cosineSimilarity");
        bindings.Functions["dotProduct"] = a => Vector(a, doc, context, "dotProduct");
        bindings.Functions["l1norm"] = a => Vector(a, doc, context, "l1norm");
        bindings.Functions["l2norm"] = a => Vector(a, doc, context, "l2norm");
        bindings.Functions["hamming"] = a => Vector(a, doc, context, "hamming");
        bindings.Functions["saturation"] = a =>
        {
            Arity(a, 2, "saturation");
            var value = Number(a[0]);
            return value / (Number(a[1]) + value);
        };
        bindings.Functions["sigmoid"] = a =>
        {
            Arity(a, 3, "sigmoid");
            var (value, k, exponent) = (Math.Pow(Number(a[0]), Number(a[2])), Number(a[1]), Number(a[2]));
            return value / (Math.Pow(k, exponent) + value);
        };
    }

    private static object Vector(IReadOnlyList<object?> arguments, ScriptDocLookup doc, SearchContext context, string function)
    {
        Arity(arguments, 2, function);
        var field = arguments[1] switch
        {
            string name => name,
            ScriptDocValues values => values.Field,
            var other => throw ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(other) + " to java.lang.String"),
        };
        var mapping = context.Field(field) ?? throw ScriptException.IllegalArgument("No field found for [" + field + "] in mapping");
        if (mapping.Kind != FieldKind.DenseVector)
        {
            throw ScriptException.ClassCast("Cannot cast the field [" + field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] to a dense_vector field");
        }

        var query = QueryVector(arguments[0], mapping);
        var vector = doc.Values(field).Vector ?? throw ScriptException.IllegalArgument("A document doesn't have a value for a vector field!");
        var dims = mapping.ElementType == VectorElementType.Bit ? vector.Length : mapping.Dims ?? vector.Length;
        if (query.Length != dims)
        {
            throw ScriptException.IllegalArgument("The query vector has a different number of dimensions [" + query.Length + "] than the document vectors [" + dims + "].");
        }

        return mapping.ElementType switch
        {
            VectorElementType.Byte => ByteFunction(function, query, vector),
            VectorElementType.Bit => BitFunction(function, query, vector),
            _ => FloatFunction(function, query, vector),
        };
    }

    private static float[] QueryVector(object? value, FieldMapping mapping) => value switch
    {
        ScriptList list => list.Select(v => ScriptOperators.IsNumber(v)
            ? (float)ScriptOperators.AsDouble(v!)
            : throw ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(v) + " to java.lang.Number")).ToArray(),
        string hex when mapping.ElementType is VectorElementType.Byte or VectorElementType.Bit =>
            Convert.FromHexString(hex).Select(b => (float)(sbyte)b).ToArray(),
        null => throw ScriptException.NullPointer("The query vector is null."),
        _ => throw ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(value) + " to java.util.List"),
    };

    // Float vectors with Lucene's VectorUtil arithmetic (float sums, as the store's kNN scoring): the query is
    // normalised for cosine, the document's magnitude divides the dot product.
    private static double FloatFunction(string function, float[] query, float[] vector)
    {
        switch (function)
        {
            case "cosineSimilarity":
                {
                    var normalized = new float[query.Length];
                    TensorPrimitives.Divide(query, (float)Math.Sqrt(TensorPrimitives.SumOfSquares<float>(query)), normalized);
                    return TensorPrimitives.Dot<float>(normalized, vector) / (float)ScriptDocValues.Magnitude(vector);
                }

            case "dotProduct":
                return TensorPrimitives.Dot<float>(query, vector);
            case "l1norm":
                return TensorPrimitives.SumOfMagnitudes<float>(Difference(query, vector));
            case "l2norm":
                return Math.Sqrt(TensorPrimitives.SumOfSquares<float>(Difference(query, vector)));
            default:
                throw ScriptException.IllegalArgument("hamming distance is only supported for byte or bit vectors");
        }
    }

    private static float[] Difference(float[] query, float[] vector)
    {
        var difference = new float[query.Length];
        TensorPrimitives.Subtract(query, vector, difference);
        return difference;
    }

    private static double ByteFunction(string function, float[] query, float[] vector)
    {
        var q = query.Select(v => (int)(sbyte)v).ToArray();
        var d = vector.Select(v => (int)v).ToArray();
        switch (function)
        {
            case "cosineSimilarity":
                var dot = q.Zip(d, (x, y) => x * y).Sum();
                var queryMagnitude = (float)Math.Sqrt(query.Sum(v => (int)(v * v)));
                var docMagnitude = (float)Math.Sqrt(d.Sum(v => v * v));
                return dot / (docMagnitude * queryMagnitude);
            case "dotProduct":
                return q.Zip(d, (x, y) => x * y).Sum();
            case "l1norm":
                return q.Zip(d, (x, y) => Math.Abs(x - y)).Sum();
            case "l2norm":
                return Math.Sqrt(q.Zip(d, (x, y) => (x - y) * (x - y)).Sum());
            default:
                return q.Zip(d, (x, y) => BitOperations.PopCount((uint)(byte)(x ^ y))).Sum();
        }
    }

    private static double BitFunction(string function, float[] query, float[] vector) => function == "hamming"
        ? query.Zip(vector, (x, y) => BitOperations.PopCount((uint)(byte)((sbyte)x ^ (sbyte)y))).Sum()
        : throw ScriptException.IllegalArgument("[" + function + "] is not supported for [bit] vectors by the embedded store; use hamming");

    private static IReadOnlyList<object?> Arity(IReadOnlyList<object?> arguments, int count, string function) =>
        arguments.Count == count
            ? arguments
            : throw ScriptException.Compile("Unknown call [" + function + "] with [" + arguments.Count + "] arguments.", -1);

    private static double Number(object? value) => ScriptOperators.IsNumber(value)
        ? ScriptOperators.AsDouble(value!)
        : throw ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(value) + " to java.lang.Number");
}
