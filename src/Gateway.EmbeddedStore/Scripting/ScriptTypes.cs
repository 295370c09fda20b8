namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// The types of the subset and Java's conversions between them. Values are plain .NET objects: <c>int</c>,
/// <c>long</c>, <c>float</c>, <c>double</c>, <c>bool</c>, <c>char</c>, <c>string</c>, <see cref="ScriptList"/>,
/// <see cref="ScriptMap"/> and the read-only context objects (doc values, dates, map entries).
/// </summary>
internal static class ScriptTypes
{
    private static readonly HashSet<string> Primitives = ["byte", "short", "char", "int", "long", "float", "double", "boolean"];

    private static readonly HashSet<string> References =
    [
        "def", "var", "Object", "String", "Byte", "Short", "Character", "Integer", "Long", "Float", "Double", "Boolean", "Number",
        "Map", "HashMap", "LinkedHashMap", "TreeMap", "List", "ArrayList", "LinkedList", "Collection", "Iterable",
        "CharSequence", "Comparable",
    ];

    private static readonly HashSet<string> StaticClasses =
        ["Math", "Integer", "Long", "Double", "Float", "Short", "Byte", "Boolean", "String", "Character", "Objects", "Collections", "StrictMath"];

    public static bool IsTypeName(string name) => Primitives.Contains(name) || References.Contains(name);

    public static bool IsPrimitive(string name) => Primitives.Contains(name);

    public static bool IsStaticClass(string name) => StaticClasses.Contains(name);

    /// <summary>The Java name of a value's type, as Painless's error messages give it.</summary>
    public static string JavaName(object? value) => value switch
    {
        null => "null",
        int => "java.lang.Integer",
        long => "java.lang.Long",
        double => "java.lang.Double",
        float => "java.lang.Float",
        bool => "java.lang.Boolean",
        char => "java.lang.Character",
        string => "java.lang.String",
        ScriptList => "java.util.ArrayList",
        ScriptMap => "java.util.HashMap",
        _ => value.GetType().Name,
    };

    /// <summary>Painless's short type name (<c>int</c>, <c>String</c>, <c>ArrayList</c>) for <c>dynamic method</c> errors.</summary>
    public static string ShortName(object? value) => JavaName(value) switch
    {
        var name when name.StartsWith("java.", StringComparison.Ordinal) => name[(name.LastIndexOf('.') + 1)..],
        var name => name,
    };

    /// <summary>True when <paramref name="value"/> is an instance of the Java type <paramref name="type"/>.</summary>
    public static bool InstanceOf(object? value, string type) => value is not null && type switch
    {
        "def" or "var" or "Object" => true,
        "int" or "Integer" => value is int,
        "long" or "Long" => value is long,
        "double" or "Double" => value is double,
        "float" or "Float" => value is float,
        "boolean" or "Boolean" => value is bool,
        "char" or "Character" => value is char,
        "short" or "Short" or "byte" or "Byte" => false,
        "Number" => value is int or long or double or float,
        "String" or "CharSequence" => value is string,
        "Comparable" => value is int or long or double or float or string or bool or char,
        "Map" or "HashMap" or "LinkedHashMap" or "TreeMap" => value is ScriptMap,
        "List" or "ArrayList" or "LinkedList" or "Collection" or "Iterable" => value is ScriptList,
        _ => throw ScriptException.Compile("cannot resolve type [" + type + "].", -1),
    };

    /// <summary>
    /// Converts a value assigned to a variable of <paramref name="type"/>, or cast to it when <paramref name="explicitCast"/>:
    /// widening numeric conversions always, narrowing ones only in a cast, references only to a type they are.
    /// </summary>
    public static object? Convert(object? value, string type, bool explicitCast)
    {
        if (type is "def" or "var" or "Object")
        {
            return value;
        }

        if (value is null)
        {
            return IsPrimitive(type)
                ? throw ScriptException.NullPointer("Cannot cast null to a primitive type [" + type + "].")
                : null;
        }

        switch (type)
        {
            case "int" or "Integer" or "short" or "Short" or "byte" or "Byte":
                return value switch
                {
                    int i => Narrow(i, type),
                    char c => (int)c,
                    long l when explicitCast => Narrow(unchecked((int)l), type),
                    double d when explicitCast => Narrow(JavaInt(d), type),
                    float f when explicitCast => Narrow(JavaInt(f), type),
                    _ => throw CannotCast(value, type),
                };
            case "long" or "Long":
                return value switch
                {
                    int i => (long)i,
                    long l => l,
                    char c => (long)c,
                    double d when explicitCast => JavaLong(d),
                    float f when explicitCast => JavaLong(f),
                    _ => throw CannotCast(value, type),
                };
            case "float" or "Float":
                return value switch
                {
                    int i => (float)i,
                    long l => (float)l,
                    float f => f,
                    double d when explicitCast => (float)d,
                    _ => throw CannotCast(value, type),
                };
            case "double" or "Double":
                return value switch
                {
                    int i => (double)i,
                    long l => (double)l,
                    float f => (double)f,
                    double d => d,
                    char c => (double)c,
                    _ => throw CannotCast(value, type),
                };
            case "char" or "Character":
                return value switch
                {
                    char c => c,
                    string { Length: 1 } s => s[0],
                    int i when explicitCast => (char)i,
                    _ => throw CannotCast(value, type),
                };
            case "Number":
                return value is int or long or double or float ? value : throw CannotCast(value, type);
        }

        return InstanceOf(value, type) ? value : throw CannotCast(value, type);
    }

    public static bool Truth(object? value, string what) => value switch
    {
        bool b => b,
        null => throw ScriptException.NullPointer("Cannot use a null value as the " + what + "."),
        _ => throw ScriptException.ClassCast("Cannot cast " + JavaName(value) + " to boolean for the " + what + "."),
    };

    private static object Narrow(int value, string type) => type switch
    {
        "short" or "Short" => (int)unchecked((short)value),
        "byte" or "Byte" => (int)unchecked((sbyte)value),
        _ => value,
    };

    // Java's (int)/(long) of a floating value: NaN is 0, out of range saturates, fractions truncate.
    private static int JavaInt(double d) => double.IsNaN(d) ? 0 : d >= int.MaxValue ? int.MaxValue : d <= int.MinValue ? int.MinValue : (int)d;

    private static long JavaLong(double d) => double.IsNaN(d) ? 0 : d >= long.MaxValue ? long.MaxValue : d <= long.MinValue ? long.MinValue : (long)d;

    private static ScriptException CannotCast(object value, string type) =>
        ScriptException.ClassCast("Cannot cast " + JavaName(value) + " to " + type);
}
