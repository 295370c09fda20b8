namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// Java's operators over the subset's values: binary numeric promotion (int, long, float, double; int and long
/// overflow wrap around), integer division by zero as <c>ArithmeticException</c>, string concatenation with Java's
/// <c>toString</c>, and Painless's <c>==</c> (<c>equals</c>, with numbers compared by value across types).
/// </summary>
internal static class ScriptOperators
{
    public static object? Binary(string op, object? left, object? right)
    {
        switch (op)
        {
            case "+" when left is string || right is string:
                return ScriptText.Of(left) + ScriptText.Of(right);
            case "==":
                return JavaEquals(left, right);
            case "!=":
                return !JavaEquals(left, right);
            case "===":
                return Identical(left, right);
            case "!==":
                return !Identical(left, right);
            case "&" or "|" or "^" when left is bool a && right is bool b:
                return op switch { "&" => a & b, "|" => a | b, _ => a ^ b };
        }

        if (left is null || right is null)
        {
            throw ScriptException.NullPointer("Cannot apply [" + op + "] operation to a null value.");
        }

        if (!IsNumber(left) || !IsNumber(right))
        {
            throw ScriptException.ClassCast("Cannot apply [" + op + "] operation to types [" + ScriptTypes.JavaName(left) + "] and [" + ScriptTypes.JavaName(right) + "].");
        }

        if (op is "<<" or ">>" or ">>>")
        {
            return Shift(op, left, right);
        }

        return Math.Max(Rank(left), Rank(right)) switch
        {
            0 => Int(op, (int)AsLong(left), (int)AsLong(right)),
            1 => Long(op, AsLong(left), AsLong(right)),
            2 => Float(op, (float)AsDouble(left), (float)AsDouble(right)),
            _ => Double(op, AsDouble(left), AsDouble(right)),
        };
    }

    public static object? Unary(string op, object? value)
    {
        if (op == "!")
        {
            return !ScriptTypes.Truth(value, "operand of [!]");
        }

        if (value is null)
        {
            throw ScriptException.NullPointer("Cannot apply [" + op + "] operation to a null value.");
        }

        return (op, value) switch
        {
            ("-", _) when IsNumber(value) => Negate(value),
            ("+", _) when IsNumber(value) => value is char c ? (int)c : value,
            ("~", int i) => ~i,
            ("~", long l) => ~l,
            ("~", char c) => ~(int)c,
            _ => throw ScriptException.ClassCast("Cannot apply [" + op + "] operation to type [" + ScriptTypes.JavaName(value) + "]."),
        };
    }

    public static object Negate(object? value) => value switch
    {
        int i => (object)unchecked(-i),
        long l => unchecked(-l),
        float f => -f,
        double d => -d,
        char c => -(int)c,
        _ => throw ScriptException.ClassCast("Cannot apply [-] operation to type [" + ScriptTypes.JavaName(value) + "]."),
    };

    /// <summary>Painless's <c>==</c>: numbers by value after promotion, everything else by Java's <c>equals</c> (lists and maps deeply).</summary>
    public static bool JavaEquals(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return Math.Max(Rank(left), Rank(right)) <= 1 ? AsLong(left) == AsLong(right) : AsDouble(left) == AsDouble(right);
        }

        return (left, right) switch
        {
            (string a, string b) => a == b,
            (bool a, bool b) => a == b,
            (char a, string { Length: 1 } b) => a == b[0],
            (string { Length: 1 } a, char b) => a[0] == b,
            (ScriptList a, ScriptList b) => a.Count == b.Count && a.Zip(b).All(p => StrictEquals(p.First, p.Second)),
            (ScriptMap a, ScriptMap b) => a.Count == b.Count && a.All(e => b.TryGet(e.Key, out var v) && StrictEquals(e.Value, v)),
            _ => left.Equals(right),
        };
    }

    /// <summary>Java's <c>equals</c> inside collections: an Integer never equals a Long there.</summary>
    public static bool StrictEquals(object? left, object? right) =>
        left is not null && right is not null && IsNumber(left) && IsNumber(right)
            ? left.GetType() == right.GetType() && JavaEquals(left, right)
            : JavaEquals(left, right);

    /// <summary>Java's <c>compareTo</c> for numbers and strings (sorting, <c>compareTo</c>, <c>Math.min</c> on mixed types).</summary>
    public static int Compare(object? left, object? right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return Math.Max(Rank(left!), Rank(right!)) <= 1 ? AsLong(left!).CompareTo(AsLong(right!)) : AsDouble(left!).CompareTo(AsDouble(right!));
        }

        return (left, right) switch
        {
            (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
            (bool a, bool b) => a.CompareTo(b),
            (null, _) or (_, null) => throw ScriptException.NullPointer("Cannot compare a null value."),
            _ => throw ScriptException.ClassCast("Cannot compare [" + ScriptTypes.JavaName(left) + "] with [" + ScriptTypes.JavaName(right) + "]."),
        };
    }

    public static bool IsNumber(object? value) => value is int or long or double or float or char;

    public static long AsLong(object value) => value switch
    {
        int i => i,
        long l => l,
        char c => c,
        double d => (long)d,
        float f => (long)f,
        _ => throw ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(value) + " to java.lang.Number"),
    };

    public static double AsDouble(object value) => value switch
    {
        int i => i,
        long l => l,
        char c => c,
        double d => d,
        float f => f,
        _ => throw ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(value) + " to java.lang.Number"),
    };

    private static int Rank(object value) => value switch
    {
        long => 1,
        float => 2,
        double => 3,
        _ => 0,
    };

    private static bool Identical(object? left, object? right) =>
        (left is null || right is null) ? left is null && right is null
        : IsNumber(left) || left is string or bool ? left.GetType() == right.GetType() && JavaEquals(left, right)
        : ReferenceEquals(left, right);

    private static object Int(string op, int a, int b) => op switch
    {
        "+" => unchecked(a + b),
        "-" => unchecked(a - b),
        "*" => unchecked(a * b),
        "/" => b == 0 ? throw DivideByZero() : a == int.MinValue && b == -1 ? a : a / b,
        "%" => b == 0 ? throw DivideByZero() : b == -1 ? 0 : a % b,
        "&" => a & b,
        "|" => a | b,
        "^" => a ^ b,
        _ => Compare(op, a.CompareTo(b)),
    };

    private static object Long(string op, long a, long b) => op switch
    {
        "+" => unchecked(a + b),
        "-" => unchecked(a - b),
        "*" => unchecked(a * b),
        "/" => b == 0 ? throw DivideByZero() : a == long.MinValue && b == -1 ? a : a / b,
        "%" => b == 0 ? throw DivideByZero() : b == -1 ? 0L : a % b,
        "&" => a & b,
        "|" => a | b,
        "^" => a ^ b,
        _ => Compare(op, a.CompareTo(b)),
    };

    private static object Float(string op, float a, float b) => op switch
    {
        "+" => a + b,
        "-" => a - b,
        "*" => a * b,
        "/" => a / b,
        "%" => a % b,
        _ => Ordered(op, a, b),
    };

    private static object Double(string op, double a, double b) => op switch
    {
        "+" => a + b,
        "-" => a - b,
        "*" => a * b,
        "/" => a / b,
        "%" => a % b,
        _ => Ordered(op, a, b),
    };

    // Comparisons of floating values are false whenever NaN is involved, as in Java.
    private static object Ordered(string op, double a, double b) => op switch
    {
        "<" => a < b,
        "<=" => a <= b,
        ">" => a > b,
        ">=" => a >= b,
        _ => throw ScriptException.ClassCast("Cannot apply [" + op + "] operation to floating point values."),
    };

    private static object Compare(string op, int comparison) => op switch
    {
        "<" => comparison < 0,
        "<=" => comparison <= 0,
        ">" => comparison > 0,
        ">=" => comparison >= 0,
        _ => throw ScriptException.ClassCast("Cannot apply [" + op + "] operation to these values."),
    };

    private static object Shift(string op, object left, object right)
    {
        if (Rank(left) > 1 || Rank(right) > 1)
        {
            throw ScriptException.ClassCast("Cannot apply [" + op + "] operation to floating point values.");
        }

        var distance = (int)AsLong(right);
        if (left is long l)
        {
            return op switch { "<<" => l << distance, ">>" => l >> distance, _ => (long)((ulong)l >> distance) };
        }

        var i = (int)AsLong(left);
        return op switch { "<<" => i << distance, ">>" => i >> distance, _ => (int)((uint)i >> distance) };
    }

    private static ScriptException DivideByZero() => ScriptException.Runtime("arithmetic_exception", "/ by zero");
}
