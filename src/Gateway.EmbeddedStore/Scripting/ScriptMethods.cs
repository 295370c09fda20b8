namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// The Java methods of the subset on strings, lists, maps, numbers and booleans (plus the context objects'
/// own, through <see cref="IScriptObject"/>). A method outside it is Painless's
/// <c>dynamic method [Type, name/arity] not found</c>.
/// </summary>
internal static class ScriptMethods
{
    public static object? Call(object? target, string name, IReadOnlyList<object?> arguments)
    {
        if (target is null)
        {
            throw ScriptException.NullPointer("Cannot invoke [" + name + "] on a null value.");
        }

        return TryCall(target, name, arguments, out var result)
            ? result
            : throw ScriptException.IllegalArgument("dynamic method [" + ScriptTypes.JavaName(target) + ", " + name + "/" + arguments.Count + "] not found");
    }

    public static bool TryCall(object target, string name, IReadOnlyList<object?> arguments, out object? result)
    {
        result = null;
        switch (name, arguments.Count)
        {
            case ("toString", 0):
                result = ScriptText.Of(target);
                return true;
            case ("equals", 1):
                result = ScriptOperators.StrictEquals(target, arguments[0]);
                return true;
            case ("hashCode", 0):
                result = target.GetHashCode();
                return true;
            case ("getClass", 0):
                throw ScriptException.IllegalArgument("dynamic method [" + ScriptTypes.JavaName(target) + ", getClass/0] not found");
        }

        return target switch
        {
            string s => String(s, name, arguments, out result),
            ScriptList list => List(list, name, arguments, out result),
            ScriptMap map => Map(map, name, arguments, out result),
            IScriptObject scripted => scripted.TryCall(name, arguments, out result),
            _ when ScriptOperators.IsNumber(target) => Number(target, name, arguments, out result),
            bool b => Boolean(b, name, arguments, out result),
            _ => false,
        };
    }

    private static bool String(string s, string name, IReadOnlyList<object?> a, out object? result)
    {
        result = (name, a.Count) switch
        {
            ("length", 0) => s.Length,
            ("isEmpty", 0) => s.Length == 0,
            ("isBlank", 0) => string.IsNullOrWhiteSpace(s),
            ("charAt", 1) => s[Index(s, Int(a[0]))],
            ("substring", 1) => s[Range(s, Int(a[0]), s.Length)..],
            ("substring", 2) => s[Range(s, Int(a[0]), Int(a[1]))..Int(a[1])],
            ("indexOf", 1) => s.IndexOf(Text(a[0]), StringComparison.Ordinal),
            ("indexOf", 2) => Int(a[1]) >= s.Length ? -1 : s.IndexOf(Text(a[0]), Math.Max(0, Int(a[1])), StringComparison.Ordinal),
            ("lastIndexOf", 1) => s.LastIndexOf(Text(a[0]), StringComparison.Ordinal),
            ("contains", 1) => s.Contains(Text(a[0]), StringComparison.Ordinal),
            ("startsWith", 1) => s.StartsWith(Text(a[0]), StringComparison.Ordinal),
            ("endsWith", 1) => s.EndsWith(Text(a[0]), StringComparison.Ordinal),
            ("toLowerCase", 0) => s.ToLowerInvariant(),
            ("toUpperCase", 0) => s.ToUpperInvariant(),
            ("trim", 0) => s.Trim(JavaWhitespace),
            ("strip", 0) => s.Trim(),
            ("concat", 1) => s + Text(a[0]),
            ("replace", 2) => s.Replace(Text(a[0]), Text(a[1]), StringComparison.Ordinal),
            ("equalsIgnoreCase", 1) => a[0] is string other && string.Equals(s, other, StringComparison.OrdinalIgnoreCase),
            ("compareTo", 1) => string.CompareOrdinal(s, Text(a[0])),
            ("repeat", 1) => string.Concat(Enumerable.Repeat(s, Int(a[0]))),
            ("splitOnToken", 1) => new ScriptList(s.Split(Text(a[0])).Select(p => (object?)p)),
            ("splitOnToken", 2) => new ScriptList(s.Split(Text(a[0]), Int(a[1]) <= 0 ? int.MaxValue : Int(a[1])).Select(p => (object?)p)),
            _ => Missing,
        };
        return !ReferenceEquals(result, Missing);
    }

    private static bool List(ScriptList list, string name, IReadOnlyList<object?> a, out object? result)
    {
        result = (name, a.Count) switch
        {
            ("size", 0) => list.Count,
            ("isEmpty", 0) => list.Count == 0,
            ("get", 1) => list[ScriptMembers.Position(list, a[0])],
            ("getLength", 0) => list.Count,
            ("add", 1) => Done(() => list.Add(a[0]), true),
            ("add", 2) => Done(() => list.Insert(Insertion(list, a[0]), a[1]), null),
            ("addAll", 1) => Done(() => list.AddRange(Items(a[0])), true),
            ("set", 2) => Swap(list, ScriptMembers.Position(list, a[0]), a[1]),
            ("remove", 1) when a[0] is int i => RemoveAt(list, ScriptMembers.Position(list, i)),
            ("remove", 1) => RemoveItem(list, a[0]),
            ("removeAll", 1) => list.RemoveAll(x => Items(a[0]).Any(y => ScriptOperators.StrictEquals(x, y))) > 0,
            ("contains", 1) => list.Any(x => ScriptOperators.StrictEquals(x, a[0])),
            ("containsAll", 1) => Items(a[0]).All(y => list.Any(x => ScriptOperators.StrictEquals(x, y))),
            ("indexOf", 1) => list.FindIndex(x => ScriptOperators.StrictEquals(x, a[0])),
            ("lastIndexOf", 1) => list.FindLastIndex(x => ScriptOperators.StrictEquals(x, a[0])),
            ("clear", 0) => Done(list.Clear, null),
            ("subList", 2) => new ScriptList(list.GetRange(Int(a[0]), Int(a[1]) - Int(a[0]))),
            ("sort", 1) when a[0] is null => Done(() => Sort(list), null),
            ("sum", 0) => list.Aggregate((object?)0.0, (sum, x) => ScriptOperators.Binary("+", sum, x)),
            ("join", 1) => string.Join(Text(a[0]), list.Select(ScriptText.Of)),
            _ => Missing,
        };
        return !ReferenceEquals(result, Missing);
    }

    private static bool Map(ScriptMap map, string name, IReadOnlyList<object?> a, out object? result)
    {
        result = (name, a.Count) switch
        {
            ("size", 0) => map.Count,
            ("isEmpty", 0) => map.Count == 0,
            ("get", 1) => map.Get(a[0]),
            ("getOrDefault", 2) => map.ContainsKey(a[0]) ? map.Get(a[0]) : a[1],
            ("put", 2) => map.Put(a[0], a[1]),
            ("putIfAbsent", 2) => map.Get(a[0]) ?? map.Put(a[0], a[1]),
            ("putAll", 1) when a[0] is ScriptMap other => Done(() => PutAll(map, other), null),
            ("remove", 1) => map.Remove(a[0]),
            ("containsKey", 1) => map.ContainsKey(a[0]),
            ("containsValue", 1) => map.Values.Any(v => ScriptOperators.StrictEquals(v, a[0])),
            ("keySet", 0) => new ScriptList(map.Keys),
            ("values", 0) => new ScriptList(map.Values),
            ("entrySet", 0) => new ScriptList(map.Select(e => (object?)new ScriptMapEntry(e.Key, e.Value))),
            ("clear", 0) => Done(map.Clear, null),
            _ => Missing,
        };
        return !ReferenceEquals(result, Missing);
    }

    private static bool Number(object n, string name, IReadOnlyList<object?> a, out object? result)
    {
        result = (name, a.Count) switch
        {
            ("intValue", 0) => ScriptTypes.Convert(n, "int", explicitCast: true),
            ("longValue", 0) => ScriptTypes.Convert(n, "long", explicitCast: true),
            ("doubleValue", 0) => ScriptOperators.AsDouble(n),
            ("floatValue", 0) => (float)ScriptOperators.AsDouble(n),
            ("compareTo", 1) => ScriptOperators.Compare(n, a[0]),
            ("isNaN", 0) => n is double d ? double.IsNaN(d) : n is float f && float.IsNaN(f),
            ("isInfinite", 0) => n is double d ? double.IsInfinity(d) : n is float f && float.IsInfinity(f),
            _ => Missing,
        };
        return !ReferenceEquals(result, Missing);
    }

    private static bool Boolean(bool b, string name, IReadOnlyList<object?> a, out object? result)
    {
        result = (name, a.Count) switch
        {
            ("booleanValue", 0) => b,
            ("compareTo", 1) when a[0] is bool other => b.CompareTo(other),
            _ => Missing,
        };
        return !ReferenceEquals(result, Missing);
    }

    // Java's String.trim removes every character up to U+0020.
    private static readonly char[] JavaWhitespace = Enumerable.Range(0, 33).Select(i => (char)i).ToArray();

    private static readonly object Missing = new();

    private static object? Done(Action action, object? result)
    {
        action();
        return result;
    }

    private static object? Swap(ScriptList list, int position, object? value)
    {
        var previous = list[position];
        list[position] = value;
        return previous;
    }

    private static object? RemoveAt(ScriptList list, int position)
    {
        var removed = list[position];
        list.RemoveAt(position);
        return removed;
    }

    private static bool RemoveItem(ScriptList list, object? item)
    {
        var position = list.FindIndex(x => ScriptOperators.StrictEquals(x, item));
        if (position >= 0)
        {
            list.RemoveAt(position);
        }

        return position >= 0;
    }

    private static void PutAll(ScriptMap map, ScriptMap other)
    {
        foreach (var (key, value) in other.ToList())
        {
            map.Put(key, value);
        }
    }

    private static void Sort(ScriptList list)
    {
        var sorted = list.OrderBy(x => x, Comparer<object?>.Create(ScriptOperators.Compare)).ToList();
        list.Clear();
        list.AddRange(sorted);
    }

    private static int Insertion(ScriptList list, object? index)
    {
        var position = Int(index);
        return position >= 0 && position <= list.Count
            ? position
            : throw ScriptException.Runtime("index_out_of_bounds_exception", "Index: " + position + ", Size: " + list.Count);
    }

    private static IEnumerable<object?> Items(object? value) => value switch
    {
        ScriptList list => list.ToList(),
        null => throw ScriptException.NullPointer("Cannot read items of a null collection."),
        _ => throw ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(value) + " to java.util.Collection"),
    };

    private static int Index(string s, int index) => index >= 0 && index < s.Length
        ? index
        : throw ScriptException.Runtime("string_index_out_of_bounds_exception", "Index " + index + " out of bounds for length " + s.Length);

    private static int Range(string s, int begin, int end) => begin >= 0 && end <= s.Length && begin <= end
        ? begin
        : throw ScriptException.Runtime("string_index_out_of_bounds_exception", "begin " + begin + ", end " + end + ", length " + s.Length);

    public static int Int(object? value) => value switch
    {
        int i => i,
        char c => c,
        null => throw ScriptException.NullPointer("Cannot cast null to int."),
        _ => throw ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(value) + " to int"),
    };

    public static string Text(object? value) => value switch
    {
        string s => s,
        char c => c.ToString(),
        null => throw ScriptException.NullPointer("Cannot use null as a String argument."),
        _ => throw ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(value) + " to java.lang.String"),
    };
}
