using Google.Protobuf;
using Onnx;

namespace Gateway.TestModels;

/// <summary>A small helper over the ONNX protobuf classes (shipped with OnnxSharp) for writing graphs by hand.</summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>ONNX <c>TensorProto.DataType</c> FLOAT.</summary>
    public const int Float = 1;

    /// <summary>ONNX <c>TensorProto.DataType</c> INT8.</summary>
    public const int Int8 = 3;

    /// <summary>ONNX <c>TensorProto.DataType</c> INT64.</summary>
    public const int Int64 = 7;

    private readonly GraphProto _graph;
    private int _counter;

    /// <summary>Starts an empty graph.</summary>
    public OnnxGraphBuilder(string name) => _graph = new GraphProto { Name = name };

    /// <summary>Declares a graph input; a string dimension is symbolic, an int fixed.</summary>
    public OnnxGraphBuilder Input(string name, int elementType, params object[] dims)
    {
        _graph.Input.Add(ValueInfo(name, elementType, dims));
        return this;
    }

    /// <summary>Declares a graph output.</summary>
    public OnnxGraphBuilder Output(string name, int elementType, params object[] dims)
    {
        _graph.Output.Add(ValueInfo(name, elementType, dims));
        return this;
    }

    /// <summary>Adds a float initializer and returns its name.</summary>
    public string Weight(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = Float };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds an int8 initializer (quantized weights, zero points) and returns its name.</summary>
    public string Int8Weight(string name, sbyte[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = Int8 };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds an int64 initializer (shapes, axes) and returns its name.</summary>
    public string Longs(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a node whose single output gets a fresh name (returned).</summary>
    public string Node(string opType, string[] inputs, params (string Name, object Value)[] attributes) =>
        NodeTo(opType + "_" + _counter++, opType, inputs, attributes);

    /// <summary>Adds a node with <paramref name="outputs"/> outputs under fresh names (returned in order).</summary>
    public string[] NodeOutputs(string opType, string[] inputs, int outputs)
    {
        var name = opType + "_" + _counter++;
        var node = new NodeProto { OpType = opType, Name = name + "_node" };
        node.Input.AddRange(inputs);
        var names = Enumerable.Range(0, outputs).Select(i => name + "_" + i).ToArray();
        node.Output.AddRange(names);
        _graph.Node.Add(node);
        return names;
    }

    /// <summary>Adds a node writing to <paramref name="output"/>.</summary>
    public string NodeTo(string output, string opType, string[] inputs, params (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = output + "_node" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        foreach (var (name, value) in attributes)
        {
            node.Attribute.Add(Attribute(name, value));
        }

        _graph.Node.Add(node);
        return output;
    }

    /// <summary>Serialises the model (IR 8, default domain at <paramref name="opset"/>) to a file.</summary>
    public void Save(string path, int opset = 17)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "Gateway.TestModels", Graph = _graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = opset });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        model.WriteTo(stream);
    }

    private static ValueInfoProto ValueInfo(string name, int elementType, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elementType, Shape = shape } },
        };
    }

    private static AttributeProto Attribute(string name, object value)
    {
        var attribute = new AttributeProto { Name = name };
        switch (value)
        {
            case int i:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = i;
                break;
            case long l:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = l;
                break;
            case float f:
                attribute.Type = AttributeProto.Types.AttributeType.Float;
                attribute.F = f;
                break;
            case long[] ints:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(ints);
                break;
            default:
                throw new ArgumentException($"unsupported attribute type {value.GetType()}", nameof(value));
        }

        return attribute;
    }
}
