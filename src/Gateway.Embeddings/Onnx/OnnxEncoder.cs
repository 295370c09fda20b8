using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Gateway.Embeddings.Onnx;

/// <summary>
/// One ONNX tower (text or vision) with a single input and a <c>pooler_output</c> [batch, D] output. The
/// session is created once; input and output buffers for the largest batch are allocated once and reused,
/// so a run allocates only the two small <see cref="OrtValue"/> views. Not thread-safe: one batch at a time.
/// </summary>
/// <typeparam name="TInput">float for <c>pixel_values</c>, long for <c>input_ids</c>.</typeparam>
internal sealed class OnnxEncoder<TInput> : IDisposable
    where TInput : unmanaged
{
    public const string OutputName = "pooler_output";

    // Some text exports declare an attention mask although SigLIP is trained without one; all ones reproduces the
    // reference (every position attends, padding included).
    private const string MaskName = "attention_mask";

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames = [OutputName];
    private readonly TInput[] _input;
    private readonly long[]? _mask;
    private readonly float[] _output;
    private readonly long[] _itemShape;

    /// <param name="path">The .onnx file.</param>
    /// <param name="inputName">Expected input name (<c>pixel_values</c> or <c>input_ids</c>).</param>
    /// <param name="itemShape">Expected per-item input dims; the model's own dims win where it fixes them and must agree where both do.</param>
    /// <param name="maxBatch">Largest batch that <see cref="Run"/> accepts.</param>
    /// <param name="intraOpThreads">ORT intra-op threads; 0 lets ORT use every core.</param>
    public OnnxEncoder(string path, string inputName, long[] itemShape, int maxBatch, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
        };
        _session = new InferenceSession(path, options);
        try
        {
            _itemShape = CheckInput(path, inputName, itemShape);
            var hasMask = _session.InputMetadata.ContainsKey(MaskName);
            _inputNames = hasMask ? [inputName, MaskName] : [inputName];
            MaxBatch = maxBatch;
            ItemLength = (int)_itemShape.Aggregate(1L, (a, b) => a * b);
            _input = new TInput[maxBatch * ItemLength];
            if (hasMask)
            {
                _mask = new long[maxBatch * ItemLength];
                Array.Fill(_mask, 1L);
            }

            Dimensions = ReadDimensions(path);
            _output = new float[maxBatch * Dimensions];
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>Per-item input dims (e.g. [3, 224, 224] or [64]).</summary>
    public IReadOnlyList<long> ItemShape => _itemShape;

    /// <summary>Elements of one item's input.</summary>
    public int ItemLength { get; }

    /// <summary>Output dims D, read from the model.</summary>
    public int Dimensions { get; }

    public int MaxBatch { get; }

    /// <summary>The input slot of item <paramref name="index"/> for the next <see cref="Run"/>.</summary>
    public Span<TInput> InputFor(int index) => _input.AsSpan(index * ItemLength, ItemLength);

    /// <summary>Runs the first <paramref name="batch"/> items and returns their raw (unnormalised) outputs,
    /// valid until the next run. Cancelling <paramref name="cancellationToken"/> stops a run in progress
    /// (ONNX Runtime's terminate flag) with an <see cref="OperationCanceledException"/>.</summary>
    public ReadOnlySpan<float> Run(int batch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, MaxBatch);
        long[] inputShape = [batch, .. _itemShape];
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _input.AsMemory(0, batch * ItemLength), inputShape);
        using var mask = _mask is null ? null : OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _mask.AsMemory(0, batch * ItemLength), inputShape);
        using var output = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _output.AsMemory(0, batch * Dimensions), [batch, Dimensions]);
        // An already-cancelled token sets the flag right here, so ORT refuses the run at once.
        var registration = cancellationToken.Register(static o => ((RunOptions)o!).Terminate = true, _runOptions);
        try
        {
            _session.Run(_runOptions, _inputNames, mask is null ? [input] : [input, mask], _outputNames, [output]);
        }
        catch (OnnxRuntimeException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the embedding run was cancelled", ex, cancellationToken);
        }
        finally
        {
            // Dispose waits for a callback in flight, so the flag cannot be set again after it is cleared.
            registration.Dispose();
            _runOptions.Terminate = false;
        }

        return _output.AsSpan(0, batch * Dimensions);
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }

    private long[] CheckInput(string path, string inputName, long[] expected)
    {
        var inputs = _session.InputMetadata;
        var allowed = typeof(TInput) == typeof(long) ? new[] { inputName, MaskName } : [inputName];
        if (!inputs.TryGetValue(inputName, out var meta) || inputs.Keys.Any(k => !allowed.Contains(k)))
        {
            throw new InvalidDataException(
                $"{path}: expected the input '{inputName}'{(allowed.Length > 1 ? $" (and optionally '{MaskName}')" : string.Empty)}, found [{string.Join(", ", inputs.Keys)}]");
        }

        if (inputs.TryGetValue(MaskName, out var maskMeta) && (maskMeta.ElementDataType != TensorElementType.Int64 || maskMeta.Dimensions.Length != 2))
        {
            throw new InvalidDataException($"{path}: input '{MaskName}' is {maskMeta.ElementDataType} {Describe(maskMeta)}, expected int64 [batch, sequence]");
        }

        var expectedType = typeof(TInput) == typeof(float) ? TensorElementType.Float : TensorElementType.Int64;
        if (meta.ElementDataType != expectedType)
        {
            throw new InvalidDataException($"{path}: input '{inputName}' is {meta.ElementDataType}, expected {expectedType}");
        }

        var dims = meta.Dimensions;
        if (dims.Length != expected.Length + 1)
        {
            throw new InvalidDataException(
                $"{path}: input '{inputName}' has rank {dims.Length} ({Describe(meta)}), expected [batch, {string.Join(", ", expected)}]");
        }

        var shape = new long[expected.Length];
        for (var i = 0; i < expected.Length; i++)
        {
            var fromModel = dims[i + 1];
            if (fromModel > 0 && expected[i] > 0 && fromModel != expected[i])
            {
                throw new InvalidDataException(
                    $"{path}: input '{inputName}' is {Describe(meta)}, but the model's config files ask for [batch, {string.Join(", ", expected)}]");
            }

            shape[i] = fromModel > 0 ? fromModel : expected[i];
            if (shape[i] <= 0)
            {
                throw new InvalidDataException($"{path}: dimension {i + 1} of input '{inputName}' is neither fixed by the model nor by its config files");
            }
        }

        return shape;
    }

    private int ReadDimensions(string path)
    {
        if (!_session.OutputMetadata.TryGetValue(OutputName, out var meta))
        {
            throw new InvalidDataException($"{path}: no output '{OutputName}', found [{string.Join(", ", _session.OutputMetadata.Keys)}]");
        }

        if (meta.ElementDataType != TensorElementType.Float || meta.Dimensions.Length != 2)
        {
            throw new InvalidDataException($"{path}: output '{OutputName}' is {meta.ElementDataType} {Describe(meta)}, expected float [batch, D]");
        }

        if (meta.Dimensions[1] > 0)
        {
            return meta.Dimensions[1];
        }

        // A symbolic D: learn it from one run on a zero input, then keep it.
        long[] shape = [1, .. _itemShape];
        var zeros = new TInput[ItemLength];
        using var input = OrtValue.CreateTensorValueFromMemory(zeros, shape);
        using var mask = _mask is null ? null : OrtValue.CreateTensorValueFromMemory(_mask.AsMemory(0, ItemLength).ToArray(), shape);
        using var results = _session.Run(_runOptions, _inputNames, mask is null ? [input] : [input, mask], _outputNames);
        return (int)results[0].GetTensorTypeAndShape().Shape[1];
    }

    private static string Describe(NodeMetadata meta) =>
        "[" + string.Join(", ", meta.Dimensions.Select((d, i) => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : meta.SymbolicDimensions[i] is { Length: > 0 } s ? s : "?")) + "]";
}
