using System.Globalization;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// Static members of the subset's classes (<c>Math</c>, <c>Integer</c>, <c>Long</c>, <c>Double</c>, <c>Float</c>,
/// <c>Boolean</c>, <c>String</c>, <c>Character</c>, <c>Objects</c>, <c>Collections</c>) and the constructors
/// <c>new</c> accepts (collections and exceptions).
/// </summary>
internal static class ScriptStatics
{
    private static readonly HashSet<string> Exceptions =
    [
        "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException", "UnsupportedOperationException",
        "ArithmeticException", "NullPointerException", "ClassCastException", "IndexOutOfBoundsException", "NumberFormatException",
    ];

    public static object? Field(string type, string name) => (type, name) switch
    {
        ("Math" or "StrictMath", "PI") => Math.PI,
        ("Math" or "StrictMath", "E") => Math.E,
        ("Integer", "MAX_VALUE") => int.MaxValue,
        ("Integer", "MIN_VALUE") => int.MinValue,
        ("Long", "MAX_VALUE") => long.MaxValue,
        ("Long", "MIN_VALUE") => long.MinValue,
        ("Double", "MAX_VALUE") => double.MaxValue,
        ("Double", "MIN_VALUE") => double.Epsilon,
        ("Double", "POSITIVE_INFINITY") => double.PositiveInfinity,
        ("Double", "NEGATIVE_INFINITY") => double.NegativeInfinity,
        ("Double", "NaN") => double.NaN,
        ("Float", "MAX_VALUE") => float.MaxValue,
        ("Float", "MIN_VALUE") => float.Epsilon,
        ("Float", "NaN") => float.NaN,
        ("Short", "MAX_VALUE") => (int)short.MaxValue,
        ("Short", "MIN_VALUE") => (int)short.MinValue,
        ("Byte", "MAX_VALUE") => (int)sbyte.MaxValue,
        ("Byte", "MIN_VALUE") => (int)sbyte.MinValue,
        ("Boolean", "TRUE") => true,
        ("Boolean", "FALSE") => false,
        _ => throw ScriptException.Compile("cannot resolve symbol [" + type + "." + name + "].", -1),
    };

    public static object? Call(string type, string name, IReadOnlyList<object?> a)
    {
        object? result = (type, name, a.Count) switch
        {
            ("Math" or "StrictMath", _, _) => MathCall(name, a),
            ("Integer", "parseInt" or "valueOf", 1) when a[0] is string s => Parse(s, "int", t => int.Parse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
            ("Integer", "valueOf", 1) => ScriptTypes.Convert(a[0], "int", explicitCast: false),
            ("Integer", "toString", 1) => ScriptText.Of(ScriptTypes.Convert(a[0], "int", explicitCast: false)),
            ("Integer", "compare", 2) => ScriptOperators.Compare(a[0], a[1]),
            ("Integer", "max", 2) => Math.Max(ScriptMethods.Int(a[0]), ScriptMethods.Int(a[1])),
            ("Integer", "min", 2) => Math.Min(ScriptMethods.Int(a[0]), ScriptMethods.Int(a[1])),
            ("Integer", "sum", 2) => unchecked(ScriptMethods.Int(a[0]) + ScriptMethods.Int(a[1])),
            ("Long", "parseLong" or "valueOf", 1) when a[0] is string s => Parse(s, "long", t => long.Parse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
            ("Long", "valueOf", 1) => ScriptTypes.Convert(a[0], "long", explicitCast: false),
            ("Long", "toString", 1) => ScriptText.Of(ScriptTypes.Convert(a[0], "long", explicitCast: false)),
            ("Long", "compare", 2) => ScriptOperators.Compare(a[0], a[1]),
            ("Double", "parseDouble" or "valueOf", 1) when a[0] is string s => Parse(s, "double", t => double.Parse(t.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture)),
            ("Double", "valueOf", 1) => ScriptTypes.Convert(a[0], "double", explicitCast: false),
            ("Double", "toString", 1) => ScriptText.Of(ScriptTypes.Convert(a[0], "double", explicitCast: false)),
            ("Double", "isNaN", 1) => double.IsNaN(ScriptOperators.AsDouble(NotNull(a[0]))),
            ("Double", "isInfinite", 1) => double.IsInfinity(ScriptOperators.AsDouble(NotNull(a[0]))),
            ("Double", "compare", 2) => ScriptOperators.Compare(a[0], a[1]),
            ("Float", "parseFloat" or "valueOf", 1) when a[0] is string s => Parse(s, "float", t => float.Parse(t.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture)),
            ("Boolean", "parseBoolean", 1) => a[0] is string s && s.Equals("true", StringComparison.OrdinalIgnoreCase),
            ("Boolean", "valueOf", 1) => a[0] is bool b ? b : a[0] is string s && s.Equals("true", StringComparison.OrdinalIgnoreCase),
            ("Boolean", "toString", 1) => ScriptText.Of(a[0]),
            ("String", "valueOf", 1) => ScriptText.Of(a[0]),
            ("String", "join", 2) when a[1] is ScriptList list => string.Join(ScriptMethods.Text(a[0]), list.Select(ScriptText.Of)),
            ("Character", "isDigit", 1) => char.IsDigit((char)ScriptTypes.Convert(a[0], "char", explicitCast: false)!),
            ("Character", "isLetter", 1) => char.IsLetter((char)ScriptTypes.Convert(a[0], "char", explicitCast: false)!),
            ("Character", "isWhitespace", 1) => char.IsWhiteSpace((char)ScriptTypes.Convert(a[0], "char", explicitCast: false)!),
            ("Objects", "equals", 2) => ScriptOperators.StrictEquals(a[0], a[1]),
            ("Objects", "isNull", 1) => a[0] is null,
            ("Objects", "nonNull", 1) => a[0] is not null,
            ("Objects", "requireNonNull", 1) => a[0] ?? throw ScriptException.NullPointer("Objects.requireNonNull: the value is null."),
            ("Objects", "toString", 1) => ScriptText.Of(a[0]),
            ("Collections", "emptyList", 0) => new ScriptList(),
            ("Collections", "emptyMap", 0) => new ScriptMap(),
            ("Collections", "singletonList", 1) => new ScriptList([a[0]]),
            ("Collections", "sort", 1) => ScriptMethods.Call(a[0], "sort", [null]),
            ("Collections", "reverse", 1) when a[0] is ScriptList list => Reverse(list),
            ("Collections", "max", 1) when a[0] is ScriptList { Count: > 0 } list => list.Aggregate((x, y) => ScriptOperators.Compare(x, y) >= 0 ? x : y),
            ("Collections", "min", 1) when a[0] is ScriptList { Count: > 0 } list => list.Aggregate((x, y) => ScriptOperators.Compare(x, y) <= 0 ? x : y),
            _ => Unknown(type, name, a.Count),
        };
        return result;
    }

    public static object New(string type, IReadOnlyList<object?> a) => (type, a.Count) switch
    {
        ("ArrayList" or "LinkedList", 0) => new ScriptList(),
        ("ArrayList" or "LinkedList", 1) when a[0] is ScriptList list => new ScriptList(list),
        ("ArrayList", 1) when a[0] is int => new ScriptList(),
        ("HashMap" or "LinkedHashMap" or "TreeMap", 0) => new ScriptMap(),
        ("HashMap" or "LinkedHashMap", 1) when a[0] is ScriptMap map => Copy(map),
        ("String", 0) => "",
        ("String", 1) when a[0] is string s => s,
        _ when Exceptions.Contains(type) && a.Count <= 1 => new ScriptThrowable(type, a.Count == 0 ? null : ScriptText.Of(a[0])),
        _ => throw ScriptException.Compile("constructor [" + type + ", <init>/" + a.Count + "] not found", -1),
    };

    private static object? MathCall(string name, IReadOnlyList<object?> a)
    {
        if (a.Any(x => !ScriptOperators.IsNumber(x)))
        {
            throw a.Any(x => x is null)
                ? ScriptException.NullPointer("Cannot pass a null value to Math." + name + ".")
                : ScriptException.ClassCast("Math." + name + " takes numbers.");
        }

        double D(int i) => ScriptOperators.AsDouble(a[i]!);
        return (name, a.Count) switch
        {
            ("abs", 1) => a[0] switch { int i => (object)(i == int.MinValue ? i : Math.Abs(i)), long l => l == long.MinValue ? l : Math.Abs(l), float f => Math.Abs(f), _ => Math.Abs(D(0)) },
            ("max", 2) => Promote(a[0]!, a[1]!, Math.Max(D(0), D(1)), ScriptOperators.Compare(a[0], a[1]) >= 0 ? a[0] : a[1]),
            ("min", 2) => Promote(a[0]!, a[1]!, Math.Min(D(0), D(1)), ScriptOperators.Compare(a[0], a[1]) <= 0 ? a[0] : a[1]),
            ("pow", 2) => Math.Pow(D(0), D(1)),
            ("sqrt", 1) => Math.Sqrt(D(0)),
            ("cbrt", 1) => Math.Cbrt(D(0)),
            ("log", 1) => Math.Log(D(0)),
            ("log10", 1) => Math.Log10(D(0)),
            ("log1p", 1) => Math.Log(1 + D(0)),
            ("exp", 1) => Math.Exp(D(0)),
            ("expm1", 1) => Math.Exp(D(0)) - 1,
            ("floor", 1) => Math.Floor(D(0)),
            ("ceil", 1) => Math.Ceiling(D(0)),
            ("rint", 1) => Math.Round(D(0), MidpointRounding.ToEven),
            ("round", 1) => a[0] is float f ? (object)(int)Math.Floor(f + 0.5f) : (long)Math.Floor(D(0) + 0.5),
            ("signum", 1) => a[0] is float f ? (object)(float)Math.Sign(f) : (double)Math.Sign(D(0)),
            ("sin", 1) => Math.Sin(D(0)),
            ("cos", 1) => Math.Cos(D(0)),
            ("tan", 1) => Math.Tan(D(0)),
            ("asin", 1) => Math.Asin(D(0)),
            ("acos", 1) => Math.Acos(D(0)),
            ("atan", 1) => Math.Atan(D(0)),
            ("atan2", 2) => Math.Atan2(D(0), D(1)),
            ("sinh", 1) => Math.Sinh(D(0)),
            ("cosh", 1) => Math.Cosh(D(0)),
            ("tanh", 1) => Math.Tanh(D(0)),
            ("hypot", 2) => Math.Sqrt(D(0) * D(0) + D(1) * D(1)),
            ("toRadians", 1) => D(0) * Math.PI / 180,
            ("toDegrees", 1) => D(0) * 180 / Math.PI,
            ("random", 0) => Random.Shared.NextDouble(),
            _ => Unknown("Math", name, a.Count),
        };
    }

    // Math.max/min keep the promoted type of their arguments (int, long, float or double).
    private static object? Promote(object left, object right, double asDouble, object? chosen) =>
        left is double || right is double ? asDouble
        : left is float || right is float ? (object)(float)asDouble
        : left is long || right is long ? ScriptOperators.AsLong(chosen!)
        : (object)(int)ScriptOperators.AsLong(chosen!);

    private static object Parse(string text, string type, Func<string, object> parse)
    {
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw ScriptException.Runtime("number_format_exception", "For input string: \"" + text + "\"");
        }
    }

    private static object NotNull(object? value) => value ?? throw ScriptException.NullPointer("Cannot pass a null value.");

    private static ScriptMap Copy(ScriptMap map)
    {
        var copy = new ScriptMap();
        foreach (var (key, value) in map)
        {
            copy.Put(key, value);
        }

        return copy;
    }

    private static object? Reverse(ScriptList list)
    {
        list.Reverse();
        return null;
    }

    private static object Unknown(string type, string name, int arity) =>
        throw ScriptException.IllegalArgument("unknown static method [" + type + ", " + name + "/" + arity + "]");
}
