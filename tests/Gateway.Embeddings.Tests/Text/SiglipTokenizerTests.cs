using System.Text.Json;
using Gateway.Embeddings.Text;

namespace Gateway.Embeddings.Tests.Text;

public sealed class SiglipTokenizerTests(TestModelFixture fixture) : IClassFixture<TestModelFixture>
{
    public static TheoryData<string, int[]> Expectations()
    {
        var data = new TheoryData<string, int[]>();
        var path = Path.Combine(AppContext.BaseDirectory, "Text", "tokenizer-expectations.jsonl");
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            data.Add(doc.RootElement.GetProperty("text").GetString()!, [.. doc.RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32())]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Encode_MatchesSentencePieceThenEosThenPadding(string text, int[] sentencePieceIds)
    {
        var tokenizer = SiglipTokenizer.Load(fixture.Model.Tokenizer, 64);

        var ids = tokenizer.Encode(text);

        long[] expected = [.. sentencePieceIds.Select(i => (long)i), 1, .. Enumerable.Repeat(0L, 64 - sentencePieceIds.Length - 1)];
        Assert.Equal(expected, ids);
    }

    [Fact]
    public void Encode_TruncatesKeepingEos()
    {
        var tokenizer = SiglipTokenizer.Load(fixture.Model.Tokenizer, 64);

        var ids = tokenizer.Encode(string.Concat(Enumerable.Repeat("red green ", 50)));

        Assert.Equal(64, ids.Length);
        Assert.Equal(1, ids[63]);
        Assert.DoesNotContain(0L, ids);
        Assert.Equal(tokenizer.EncodePieces("red green red green").Take(4).Select(i => (long)i), ids.Take(4));
    }

    [Fact]
    public void Encode_HugeTextGivesTheSameIdsAsItsStart()
    {
        var tokenizer = SiglipTokenizer.Load(fixture.Model.Tokenizer, 64);
        var start = string.Concat(Enumerable.Repeat("ama dablam 🏔️ ", 30));

        var ids = tokenizer.Encode(start + new string('x', 5_000_000));

        Assert.Equal(tokenizer.Encode(start + "xxxx"), ids);
    }

    [Fact]
    public void Encode_EmptyTextIsEosAndPadding()
    {
        var tokenizer = SiglipTokenizer.Load(fixture.Model.Tokenizer, 64);

        var ids = tokenizer.Encode(string.Empty);

        Assert.Equal(1, ids[0]);
        Assert.All(ids.Skip(1), id => Assert.Equal(0, id));
    }

    [Fact]
    public void Encode_NewlineFallsBackToItsByte()
    {
        // spm_encode reads line by line, so newlines are not in the table; with byte_fallback an unknown
        // character becomes its UTF-8 byte pieces, "<0x0A>" for "\n".
        var tokenizer = SiglipTokenizer.Load(fixture.Model.Tokenizer, 64);

        var pieces = tokenizer.EncodePieces("red\nred");

        using var model = File.OpenRead(fixture.Model.Tokenizer);
        var vocabulary = Microsoft.ML.Tokenizers.SentencePieceTokenizer.Create(model).Vocabulary;
        Assert.Equal([vocabulary["red"], vocabulary["<0x0A>"], vocabulary["red"]], pieces);
    }
}
