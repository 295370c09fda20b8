using System.Globalization;
using Gateway.Embeddings.Service;
using Gateway.Embeddings.Vectors;

namespace Gateway.Embeddings.Models;

/// <summary>
/// Checks a downloaded model end to end, step by step, stopping at the first step the rest depend on: the files are
/// there; configs, tokenizer and both ONNX towers load and agree on shapes; the tokenizer gives back the text it
/// encoded; one text and one image go through their towers to finite, non-zero vectors; and a known image-text pair
/// scores inside its band and above a decoy text.
/// </summary>
public static class ModelDoctor
{
    /// <param name="directory">The model folder.</param>
    /// <param name="visionFile">The vision tower, relative to <paramref name="directory"/>.</param>
    /// <param name="textFile">The text tower, relative to <paramref name="directory"/>.</param>
    /// <param name="probe">The known pair (default <see cref="DoctorProbe.Default"/>).</param>
    public static IReadOnlyList<DoctorFinding> Examine(string directory, string visionFile, string textFile, DoctorProbe? probe = null)
    {
        probe ??= DoctorProbe.Default;
        var findings = new List<DoctorFinding>();
        var files = new SiglipModelFiles(directory, Path.Combine(directory, visionFile), Path.Combine(directory, textFile));
        var missing = files.Missing();
        findings.Add(new("files", missing.Count == 0, missing.Count == 0
            ? $"{visionFile}, {textFile}, tokenizer.model, config.json, preprocessor_config.json in {directory}"
            : $"missing in {directory}: {string.Join(", ", missing)}"));
        if (missing.Count > 0)
        {
            return findings;
        }

        SiglipModel model;
        try
        {
            model = SiglipModel.Load(files, maxBatch: 1, intraOpThreads: 0);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException
                                       or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or ArgumentException)
        {
            findings.Add(new("load and shapes", false, ex.Message));
            return findings;
        }

        using (model)
        {
            var spec = model.Images.Spec;
            findings.Add(new("load and shapes", true, Invariant(
                $"text [batch, {model.Tokenizer.SequenceLength}] -> {model.Text.Dimensions}, vision [batch, 3, {spec.Height}, {spec.Width}] -> {model.Vision.Dimensions}, vocabulary {model.Tokenizer.VocabularySize}")));
            findings.Add(RoundTrip(model, probe.Text));

            var text = Forward(model, "text forward", slot => model.Tokenizer.Encode(probe.Text, slot), model.Text, findings);
            var decoy = Forward(model, "text forward", slot => model.Tokenizer.Encode(probe.Decoy, slot), model.Text, null);
            float[]? image;
            try
            {
                var pixels = model.Images.Preprocess(probe.Image, probe.ImageName);
                image = Forward(model, "image forward", slot => pixels.CopyTo(slot), model.Vision, findings);
            }
            catch (ImageDecodeException ex)
            {
                findings.Add(new("image forward", false, ex.Message));
                image = null;
            }

            if (text is not null && decoy is not null && image is not null)
            {
                findings.Add(Pair(probe, VectorMath.Dot(image, text), VectorMath.Dot(image, decoy)));
            }
        }

        return findings;
    }

    private static DoctorFinding RoundTrip(SiglipModel model, string text)
    {
        var lower = text.ToLowerInvariant();
        var ids = model.Tokenizer.Encode(text);
        var pieces = ids.TakeWhile(id => id != model.Tokenizer.EndOfSentenceId).Select(id => (int)id).ToList();
        var back = model.Tokenizer.Decode(pieces).Trim();
        var ok = back == lower && pieces.Count > 0 && pieces.Count < ids.Length;
        return new("tokenizer round trip", ok, ok
            ? $"'{lower}' -> {pieces.Count} pieces + EOS -> '{back}'"
            : $"'{lower}' -> [{string.Join(", ", pieces.Take(16))}] -> '{back}': the tokenizer does not belong to this model or is damaged");
    }

    private static float[]? Forward<T>(SiglipModel model, string step, SlotFiller<T> fill, Onnx.OnnxEncoder<T> encoder, List<DoctorFinding>? findings)
        where T : unmanaged
    {
        fill(encoder.InputFor(0));
        float[] vector;
        try
        {
            vector = encoder.Run(1).ToArray();
        }
        catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException ex)
        {
            findings?.Add(new(step, false, ex.Message));
            return null;
        }

        var norm = MathF.Sqrt(VectorMath.Dot(vector, vector));
        var ok = vector.All(float.IsFinite) && norm > 1e-6f;
        findings?.Add(new(step, ok, ok
            ? Invariant($"{vector.Length} dims, norm {norm:0.###} before normalising")
            : $"the output is not a usable vector ({(vector.All(float.IsFinite) ? "all zero" : "NaN or infinity")}): the export is broken"));
        if (!ok)
        {
            return null;
        }

        VectorMath.NormalizeInPlace(vector);
        return vector;
    }

    private static DoctorFinding Pair(DoctorProbe probe, double match, double decoy)
    {
        var inBand = match >= probe.MinCosine && match <= probe.MaxCosine;
        var ranked = match > decoy;
        var detail = Invariant($"{probe.ImageName}: '{probe.Text}' {match:0.000} (band {probe.MinCosine:0.###}..{probe.MaxCosine:0.###}), decoy '{probe.Decoy}' {decoy:0.000}");
        if (!ranked)
        {
            detail += ": the decoy scores at least as high, so the towers do not share one space (mixed checkpoints or variants?)";
        }
        else if (!inBand)
        {
            detail += ": outside the band";
        }

        return new("known pair", inBand && ranked, detail);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private delegate void SlotFiller<T>(Span<T> slot);
}
