using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Assertions;
using Gateway.Conformance.Tests.Runner;
using YamlDotNet.RepresentationModel;

namespace Gateway.Conformance.Tests.Yaml;

/// <summary>Parses a YAML REST test file (several YAML documents) into sections and steps.</summary>
internal static class TestFileParser
{
    public static YamlTestFile Parse(string relativePath, string text)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(reader);
        }

        TestSection? setup = null;
        TestSection? teardown = null;
        var tests = new List<TestSection>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root)
            {
                continue;
            }

            foreach (var (keyNode, value) in root.Children)
            {
                var name = YamlNodeConverter.KeyOf(keyNode);
                var section = ParseSection(name, value);
                switch (name)
                {
                    case "setup":
                        setup = section;
                        break;
                    case "teardown":
                        teardown = section;
                        break;
                    default:
                        tests.Add(section);
                        break;
                }
            }
        }

        return new YamlTestFile(relativePath, setup, teardown, tests);
    }

    private static TestSection ParseSection(string name, YamlNode node)
    {
        var prerequisites = new Prerequisites();
        var steps = new List<IStep>();
        if (node is not YamlSequenceNode sequence)
        {
            throw new FormatException($"Section [{name}] must be a list of steps (at {node.Start})");
        }

        foreach (var stepNode in sequence.Children)
        {
            if (stepNode is not YamlMappingNode stepMap || stepMap.Children.Count != 1)
            {
                throw new FormatException($"A step must be a mapping with one operator (at {stepNode.Start})");
            }

            var (opNode, argNode) = stepMap.Children.First();
            var op = YamlNodeConverter.KeyOf(opNode);
            var line = (int)stepNode.Start.Line;
            var argument = YamlNodeConverter.ToJson(argNode);
            switch (op)
            {
                case "requires":
                    PrerequisiteParser.ParseRequires(argument, prerequisites);
                    break;
                case "skip":
                    PrerequisiteParser.ParseSkip(argument, prerequisites);
                    break;
                default:
                    steps.Add(ParseStep(op, argument, line));
                    break;
            }
        }

        return new TestSection(name, prerequisites, steps);
    }

    private static IStep ParseStep(string op, JsonNode? argument, int line) => op switch
    {
        "do" => DoStepParser.Parse(AsObject(op, argument), line),
        "set" => new SetStep(line, SingleEntry(op, argument).Key, SingleEntry(op, argument).Value?.ToString() ?? string.Empty),
        "match" => new MatchAssertion(line, SingleEntry(op, argument).Key, SingleEntry(op, argument).Value),
        "length" => new LengthAssertion(line, SingleEntry(op, argument).Key, SingleEntry(op, argument).Value),
        "gt" or "gte" or "lt" or "lte" => new ComparisonAssertion(line, op, SingleEntry(op, argument).Key, SingleEntry(op, argument).Value),
        "close_to" => CloseToAssertion.Create(line, SingleEntry(op, argument).Key, SingleEntry(op, argument).Value),
        "contains" => new ContainsAssertion(line, SingleEntry(op, argument).Key, SingleEntry(op, argument).Value),
        "is_true" => new TruthAssertion(line, AsPath(argument), expectTrue: true),
        "is_false" => new TruthAssertion(line, AsPath(argument), expectTrue: false),
        "exists" => new ExistsAssertion(line, AsPath(argument), expectExists: true),
        "not_exists" => new ExistsAssertion(line, AsPath(argument), expectExists: false),
        _ => new UnsupportedStep(line, op),
    };

    private static JsonObject AsObject(string op, JsonNode? argument) =>
        argument as JsonObject ?? throw new FormatException($"[{op}] expects a mapping");

    private static KeyValuePair<string, JsonNode?> SingleEntry(string op, JsonNode? argument)
    {
        var map = AsObject(op, argument);
        return map.Count == 1 ? map.First() : throw new FormatException($"[{op}] expects exactly one field, got {map.Count}");
    }

    private static string AsPath(JsonNode? argument) => argument switch
    {
        null => string.Empty,
        JsonValue value => value.ToString(),
        _ => throw new FormatException("expected a field path"),
    };
}
