using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Scripting;

namespace Gateway.EmbeddedStore.Tests.Scripting;

public sealed class ScriptInterpreterTests
{
    private static string Run(string source, string parameters = "{}")
    {
        var script = ScriptDefinition.Compile(source, JsonNode.Parse(parameters)!.AsObject());
        var bindings = new ScriptBindings();
        bindings.Variables["params"] = script.Parameters();
        return ScriptJson.ToJson(script.Execute(bindings))?.ToJsonString() ?? "null";
    }

    private static StoreException Fails(string source, string parameters = "{}") =>
        Assert.Throws<StoreException>(() => Run(source, parameters));

    [Theory]
    [InlineData("1;", "1")]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("7 / 2", "3")]
    [InlineData("-7 / 2", "-3")]
    [InlineData("-7 % 3", "-1")]
    [InlineData("7 / 2.0", "3.5")]
    [InlineData("2147483647 + 1", "-2147483648")]
    [InlineData("2147483647L + 1", "2147483648")]
    [InlineData("1.0 + 1", "2.0")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("'a' + 1 + 2", "\"a12\"")]
    [InlineData("1 + 2 + 'a'", "\"3a\"")]
    [InlineData("'x' + 1.0", "\"x1.0\"")]
    [InlineData("'x' + 1e10", "\"x1.0E10\"")]
    [InlineData("'x' + null + true", "\"xnulltrue\"")]
    [InlineData("\"a\\\"b\" + 'c\\'d'", "\"a\\u0022bc\\u0027d\"")]
    [InlineData("1 < 2 && 2 <= 2 && 3 > 2 && !(1 >= 2)", "true")]
    [InlineData("1 == 1L && 1 == 1.0 && 'a' == 'a' && null == null", "true")]
    [InlineData("1 != 2 || false", "true")]
    [InlineData("true ? 'y' : 'n'", "\"y\"")]
    [InlineData("null ?: 'fallback'", "\"fallback\"")]
    [InlineData("params.missing?.length() ?: -1", "-1")]
    [InlineData("0x10 + 010", "24")]
    [InlineData("5 & 3 | 8 ^ 1", "9")]
    [InlineData("1 << 4 >> 1", "8")]
    [InlineData("-1 >>> 28", "15")]
    [InlineData("(int) 3.9", "3")]
    [InlineData("(long) -2.5", "-2")]
    [InlineData("(double) 1 / 4", "0.25")]
    [InlineData("int x = 5; x += 2.7; x", "7")]
    [InlineData("long x = 5; x *= 2; x", "10")]
    [InlineData("def i = 1; i++; ++i; i--; i", "2")]
    [InlineData("int i = 1; int j = i++ + ++i; j", "4")]
    [InlineData("double d = 1; d", "1.0")]
    [InlineData("String s = 'ab'; s.length()", "2")]
    [InlineData("boolean b; b", "false")]
    [InlineData("'abc' instanceof String && 1 instanceof Integer && !(1 instanceof Long) && [] instanceof List && [:] instanceof Map", "true")]
    public void Expressions_FollowJava(string source, string expected) => Assert.Equal(expected, Run(source));

    [Theory]
    [InlineData("def s = 0; for (int i = 0; i < 5; i++) { s += i } return s;", "10")]
    [InlineData("def s = 0; for (def x : [1, 2, 3]) { s += x } s", "6")]
    [InlineData("def s = 0; for (x in [1, 2, 3]) { if (x == 2) { continue; } s += x } s", "4")]
    [InlineData("int i = 0; while (true) { if (++i > 3) { break; } } i", "4")]
    [InlineData("int i = 0; do { i += 2 } while (i < 5); i", "6")]
    [InlineData("if (1 > 2) { return 'a' } else if (2 > 1) { return 'b' } else { return 'c' }", "\"b\"")]
    [InlineData("def m = ['a': 1, 'b': [1, 2]]; m.c = 3; m['d'] = 4; m", "{\"a\":1,\"b\":[1,2],\"c\":3,\"d\":4}")]
    [InlineData("def l = [1, 2, 3]; l[-1]", "3")]
    [InlineData("def l = new ArrayList(); l.add('x'); l.add(0, 'y'); l.addAll(['z']); l", "[\"y\",\"x\",\"z\"]")]
    [InlineData("def l = [5, 6, 7]; l.remove(0); l.remove(l.indexOf(7)); l", "[6]")]
    [InlineData("def l = [1, 2]; [l.contains(2), l.indexOf(2), l.size(), l.isEmpty(), l.empty]", "[true,1,2,false,false]")]
    [InlineData("def m = new HashMap(); m.put('k', 1); [m.containsKey('k'), m.get('k'), m.getOrDefault('z', 9), m.size(), m.remove('k'), m.isEmpty()]", "[true,1,9,1,1,true]")]
    [InlineData("def m = ['a': 1, 'b': 2]; def s = ''; for (def k : m.keySet()) { s += k + m[k] } s", "\"a1b2\"")]
    [InlineData("def m = ['a': 1]; def s = ''; for (def e : m.entrySet()) { s += e.getKey() + '=' + e.value } s", "\"a=1\"")]
    [InlineData("[:].size()", "0")]
    [InlineData("' Hello World '.trim().toLowerCase().substring(6)", "\"world\"")]
    [InlineData("def s = 'abcabc'; [s.indexOf('c'), s.lastIndexOf('c'), s.startsWith('ab'), s.endsWith('bc'), s.contains('ca'), s.replace('b', '')]", "[2,5,true,true,true,\"acac\"]")]
    [InlineData("'a,b,,c'.splitOnToken(',')", "[\"a\",\"b\",\"\",\"c\"]")]
    [InlineData("'abc'.charAt(1) == 'b'", "true")]
    [InlineData("[Math.abs(-2), Math.max(1, 2L), Math.min(1.5, 2), Math.pow(2, 10), Math.sqrt(16), Math.floor(1.7), Math.ceil(1.2), Math.round(2.5), Math.log10(1000)]", "[2,2,1.5,1024.0,4.0,1.0,2.0,3,3.0]")]
    [InlineData("[Integer.parseInt('42'), Long.parseLong('-7'), Double.parseDouble('1.5'), String.valueOf(3), Integer.MAX_VALUE, Boolean.parseBoolean('TRUE')]", "[42,-7,1.5,\"3\",2147483647,true]")]
    [InlineData("String.join('-', ['a', 'b'])", "\"a-b\"")]
    [InlineData("params.a.b[1] * params.n", "6", "{\"a\":{\"b\":[1,2]},\"n\":3}")]
    [InlineData("params['n'] + params.x", "4.5", "{\"n\":3,\"x\":1.5}")]
    [InlineData("params.big + 1", "10000000001", "{\"big\":10000000000}")]
    public void Statements_AndLibrary(string source, string expected, string parameters = "{}") => Assert.Equal(expected, Run(source, parameters));

    [Theory]
    [InlineData("syntax errors are fun!", "compile error", "illegal_argument_exception")]
    [InlineData("def x = ;", "compile error", "illegal_argument_exception")]
    [InlineData("undefinedVariable + 1", "compile error", "illegal_argument_exception")]
    [InlineData("[1, 2].stream().map(x -> x * 2)", "compile error", "illegal_argument_exception")]
    [InlineData("'a' =~ /a/", "compile error", "illegal_argument_exception")]
    [InlineData("int[] a = new int[2]", "compile error", "illegal_argument_exception")]
    [InlineData("try { 1 } catch (Exception e) { 2 }", "compile error", "illegal_argument_exception")]
    [InlineData("int x = 1; int x = 2;", "compile error", "illegal_argument_exception")]
    [InlineData("def m = null; m.size()", "runtime error", "null_pointer_exception")]
    [InlineData("params.missing.field", "runtime error", "null_pointer_exception")]
    [InlineData("1 / 0", "runtime error", "arithmetic_exception")]
    [InlineData("[1][3]", "runtime error", "index_out_of_bounds_exception")]
    [InlineData("int x = 'a'", "runtime error", "class_cast_exception")]
    [InlineData("int x = 5L", "runtime error", "class_cast_exception")]
    [InlineData("'abc'.foo()", "runtime error", "illegal_argument_exception")]
    [InlineData("Integer.parseInt('x')", "runtime error", "number_format_exception")]
    [InlineData("throw new IllegalArgumentException('Cats!')", "runtime error", "illegal_argument_exception")]
    [InlineData("throw new IllegalStateException('x')", "runtime error", "illegal_state_exception")]
    [InlineData("while (true) {}", "runtime error", "painless_error")]
    public void Failures_AreScriptExceptions(string source, string reason, string cause)
    {
        var error = Fails(source).ToError();

        Assert.Equal(400, error.Status);
        Assert.Equal("script_exception", error.Type);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(cause, error.CausedBy!.Type);
        Assert.Equal("painless", error.Details!["lang"]!.GetValue<string>());
        Assert.Equal(source, error.Details["script"]!.GetValue<string>());
        Assert.EndsWith("^---- HERE", error.Details["script_stack"]!.AsArray()[^1]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void ThrownException_KeepsItsMessage()
    {
        var error = Fails("throw new IllegalArgumentException(\"Cats!\")").ToError();

        Assert.Equal("Cats!", error.CausedBy!.Reason);
    }

    [Fact]
    public void Position_PointsAtTheFailingExpression()
    {
        var error = Fails("def a = 1;\ndef b = null;\nb.length()").ToError();

        Assert.Equal(26, error.Details!["position"]!["offset"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"source":"1","lang":"expression"}""", "illegal_argument_exception", "[lang: expression]")]
    [InlineData("""{"source":"1","lang":"groovy"}""", "illegal_argument_exception", "script_lang not supported [groovy]")]
    [InlineData("""{"source":"1","id":"x"}""", "illegal_argument_exception", "must specify either [source] for an inline script or [id] for a stored script")]
    [InlineData("""{"lang":"painless"}""", "illegal_argument_exception", "must specify either [source] for an inline script or [id] for a stored script")]
    [InlineData("""{"source":"1","foo":1}""", "x_content_parse_exception", "[script] unknown field [foo]")]
    [InlineData("""{"source":"1","params":[1]}""", "parsing_exception", "[script] params doesn't support values of type: ARRAY")]
    [InlineData("""{"id":"nope"}""", "resource_not_found_exception", "unable to find script [nope] in cluster state")]
    public void Definition_IsValidatedAsElasticsearchDoes(string json, string type, string reason)
    {
        var ex = Assert.Throws<StoreException>(() => ScriptDefinition.Parse(JsonNode.Parse(json), new StoredScripts()));

        Assert.Equal(type, ex.Type);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortForm_IsAPainlessSource()
    {
        var script = ScriptDefinition.Parse(JsonValue.Create("2 * 21"), null);

        Assert.Equal(42, script.Execute(new ScriptBindings()));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(1234567.0, "1234567.0")]
    [InlineData(12345678.0, "1.2345678E7")]
    [InlineData(-1.5e-10, "-1.5E-10")]
    [InlineData(100.25, "100.25")]
    public void Doubles_PrintAsJava(double value, string expected) => Assert.Equal(expected, ScriptText.Double(value));
}
