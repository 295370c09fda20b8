namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// A failed script, thrown inside the interpreter and caught at its boundary (<see cref="ScriptDefinition"/>), where it
/// becomes Elasticsearch's <c>script_exception</c> value. Evaluation is deep recursion over the tree: unwinding by an
/// exception keeps every evaluator method free of error plumbing, and nothing outside the interpreter sees it.
/// </summary>
internal sealed class ScriptException : Exception
{
    private ScriptException(bool compile, string causeType, string reason, int offset)
        : base(reason)
    {
        IsCompile = compile;
        CauseType = causeType;
        Offset = offset;
    }

    /// <summary>True for a compile error (<c>reason: compile error</c>), false for a runtime error.</summary>
    public bool IsCompile { get; }

    /// <summary>The Java exception's type in Elasticsearch's snake case, e.g. <c>null_pointer_exception</c>.</summary>
    public string CauseType { get; }

    /// <summary>The offset in the source the error points at; -1 until the evaluator attaches one.</summary>
    public int Offset { get; private set; }

    /// <summary>Points the error at <paramref name="offset"/> unless it already points somewhere.</summary>
    public ScriptException At(int offset)
    {
        if (Offset < 0)
        {
            Offset = offset;
        }

        return this;
    }

    public static ScriptException Compile(string reason, int offset) => new(true, "illegal_argument_exception", reason, offset);

    public static ScriptException Runtime(string causeType, string reason) => new(false, causeType, reason, -1);

    public static ScriptException IllegalArgument(string reason) => Runtime("illegal_argument_exception", reason);

    public static ScriptException NullPointer(string reason) => Runtime("null_pointer_exception", reason);

    public static ScriptException ClassCast(string reason) => Runtime("class_cast_exception", reason);
}
