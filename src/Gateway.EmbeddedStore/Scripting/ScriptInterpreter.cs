using Gateway.EmbeddedStore.Scripting.Syntax;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// Runs a parsed script over <see cref="ScriptBindings"/>: Java's evaluation order and short-circuiting, block
/// scopes, typed variables (assignments convert to the declared type), Painless's loop limit and the implicit
/// return of a script's last expression statement. Failures are <see cref="ScriptException"/>s pointing at the
/// offending expression.
/// </summary>
internal sealed class ScriptInterpreter
{
    /// <summary>Painless's <c>script.painless.max_loop_counter</c> default.</summary>
    public const int MaxLoopCounter = 1_000_000;

    private readonly ScriptBindings _bindings;
    private readonly List<Dictionary<string, (string Type, object? Value)>> _scopes = [[]];
    private int _loopCounter;
    private object? _returned;

    private ScriptInterpreter(ScriptBindings bindings) => _bindings = bindings;

    private enum Flow
    {
        Normal,
        Break,
        Continue,
        Return,
    }

    /// <summary>Runs the script; its value is what <c>return</c> gives, else its last expression statement's value.</summary>
    public static object? Run(BlockStatement script, ScriptBindings bindings)
    {
        var interpreter = new ScriptInterpreter(bindings);
        object? last = null;
        for (var i = 0; i < script.Statements.Count; i++)
        {
            var statement = script.Statements[i];
            if (i == script.Statements.Count - 1 && statement is ExpressionStatement final)
            {
                last = interpreter.Evaluate(final.Expression);
                break;
            }

            switch (interpreter.Execute(statement))
            {
                case Flow.Return:
                    return interpreter._returned;
                case Flow.Break or Flow.Continue:
                    throw ScriptException.Compile("invalid [break] or [continue] outside of a loop.", statement.Offset);
            }
        }

        return last;
    }

    private Flow Execute(ScriptStatement statement)
    {
        try
        {
            return statement switch
            {
                ExpressionStatement e => Discard(Evaluate(e.Expression)),
                DeclarationStatement d => Declare(d),
                BlockStatement b => Scoped(() => ExecuteAll(b.Statements)),
                IfStatement i => ScriptTypes.Truth(Evaluate(i.Condition), "condition of [if]")
                    ? Scoped(() => Execute(i.Then))
                    : i.Else is null ? Flow.Normal : Scoped(() => Execute(i.Else)),
                WhileStatement w => While(w),
                ForStatement f => Scoped(() => For(f)),
                ForEachStatement f => ForEach(f),
                JumpStatement j => j.IsBreak ? Flow.Break : Flow.Continue,
                ReturnStatement r => Return(r.Value is null ? null : Evaluate(r.Value)),
                ThrowStatement t => throw Thrown(Evaluate(t.Value)),
                _ => throw new InvalidOperationException("Unknown statement " + statement.GetType().Name),
            };
        }
        catch (ScriptException e)
        {
            throw e.At(statement.Offset);
        }
    }

    private static Flow Discard(object? value) => Flow.Normal;

    private Flow Return(object? value)
    {
        _returned = value;
        return Flow.Return;
    }

    private static ScriptException Thrown(object? value) => value is ScriptThrowable thrown
        ? ScriptException.Runtime(thrown.ElasticsearchType, thrown.Message ?? "")
        : ScriptException.ClassCast("Cannot throw [" + ScriptTypes.JavaName(value) + "]: not an exception.");

    private Flow ExecuteAll(IReadOnlyList<ScriptStatement> statements)
    {
        foreach (var statement in statements)
        {
            var flow = Execute(statement);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private Flow Scoped(Func<Flow> body)
    {
        _scopes.Add([]);
        try
        {
            return body();
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    private Flow Declare(DeclarationStatement declaration)
    {
        var scope = _scopes[^1];
        foreach (var (name, value) in declaration.Variables)
        {
            if (Find(name) is not null || _bindings.Variables.ContainsKey(name))
            {
                throw ScriptException.Compile("variable [" + name + "] is already defined.", declaration.Offset);
            }

            var initial = value is null ? Default(declaration.Type) : ScriptTypes.Convert(Evaluate(value), declaration.Type, explicitCast: false);
            scope[name] = (declaration.Type, initial);
        }

        return Flow.Normal;
    }

    private static object? Default(string type) => type switch
    {
        "int" or "short" or "byte" => 0,
        "long" => 0L,
        "float" => 0f,
        "double" => 0d,
        "boolean" => false,
        "char" => '\0',
        _ => null,
    };

    private void CountLoop(int offset)
    {
        if (++_loopCounter > MaxLoopCounter)
        {
            throw ScriptException.Runtime("painless_error", "The maximum number of statements that can be executed in a loop has been reached.").At(offset);
        }
    }

    private Flow While(WhileStatement loop)
    {
        var first = true;
        while (true)
        {
            if ((loop.TestFirst || !first) && !ScriptTypes.Truth(Evaluate(loop.Condition), "loop condition"))
            {
                return Flow.Normal;
            }

            first = false;
            CountLoop(loop.Offset);
            var flow = Scoped(() => Execute(loop.Body));
            if (flow == Flow.Break)
            {
                return Flow.Normal;
            }

            if (flow == Flow.Return)
            {
                return flow;
            }
        }
    }

    private Flow For(ForStatement loop)
    {
        if (loop.Initializer is not null)
        {
            Execute(loop.Initializer);
        }

        while (loop.Condition is null || ScriptTypes.Truth(Evaluate(loop.Condition), "loop condition"))
        {
            CountLoop(loop.Offset);
            var flow = Scoped(() => Execute(loop.Body));
            if (flow == Flow.Break)
            {
                break;
            }

            if (flow == Flow.Return)
            {
                return flow;
            }

            foreach (var update in loop.Updates)
            {
                Evaluate(update);
            }
        }

        return Flow.Normal;
    }

    private Flow ForEach(ForEachStatement loop)
    {
        var source = Evaluate(loop.Source);
        IEnumerable<object?> items = source switch
        {
            ScriptList list => list.ToList(),
            IEnumerable<object?> values and IScriptObject => values,
            null => throw ScriptException.NullPointer("Cannot iterate over a null value."),
            _ => throw ScriptException.IllegalArgument("Cannot iterate over [" + ScriptTypes.JavaName(source) + "]."),
        };
        foreach (var item in items)
        {
            CountLoop(loop.Offset);
            _scopes.Add(new() { [loop.Name] = (loop.Type, ScriptTypes.Convert(item, loop.Type, explicitCast: false)) });
            Flow flow;
            try
            {
                flow = Execute(loop.Body);
            }
            finally
            {
                _scopes.RemoveAt(_scopes.Count - 1);
            }

            if (flow == Flow.Break)
            {
                break;
            }

            if (flow == Flow.Return)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private Dictionary<string, (string Type, object? Value)>? Find(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].ContainsKey(name))
            {
                return _scopes[i];
            }
        }

        return null;
    }

    private object? Evaluate(ScriptExpression expression)
    {
        try
        {
            return expression switch
            {
                LiteralExpression l => l.Value,
                VariableExpression v => Read(v),
                MemberExpression m => Member(m),
                IndexExpression i => ScriptMembers.Index(Evaluate(i.Target), Evaluate(i.Index)),
                CallExpression c => Call(c),
                NewExpression n => ScriptStatics.New(n.Type, Evaluate(n.Arguments)),
                ListExpression l => new ScriptList(l.Items.Select(Evaluate)),
                MapExpression m => Map(m),
                UnaryExpression u => ScriptOperators.Unary(u.Operator, Evaluate(u.Operand)),
                BinaryExpression b => Binary(b),
                ConditionalExpression c => ScriptTypes.Truth(Evaluate(c.Condition), "condition of [?:]") ? Evaluate(c.WhenTrue) : Evaluate(c.WhenFalse),
                AssignExpression a => Assign(a),
                IncrementExpression i => Increment(i),
                InstanceOfExpression i => ScriptTypes.InstanceOf(Evaluate(i.Value), i.Type),
                CastExpression c => ScriptTypes.Convert(Evaluate(c.Value), c.Type, explicitCast: true),
                TypeExpression t => throw ScriptException.Compile("cannot resolve symbol [" + t.Name + "].", t.Offset),
                _ => throw new InvalidOperationException("Unknown expression " + expression.GetType().Name),
            };
        }
        catch (ScriptException e)
        {
            throw e.At(expression.Offset);
        }
    }

    private List<object?> Evaluate(IReadOnlyList<ScriptExpression> arguments) => arguments.Select(Evaluate).ToList();

    private object? Read(VariableExpression variable)
    {
        if (Find(variable.Name) is { } scope)
        {
            return scope[variable.Name].Value;
        }

        return _bindings.Variables.TryGetValue(variable.Name, out var bound)
            ? bound
            : throw ScriptException.Compile("cannot resolve symbol [" + variable.Name + "].", variable.Offset);
    }

    private object? Member(MemberExpression member)
    {
        if (member.Target is TypeExpression type)
        {
            return ScriptStatics.Field(type.Name, member.Name);
        }

        var target = Evaluate(member.Target);
        return target is null && member.NullSafe ? null : ScriptMembers.Get(target, member.Name);
    }

    private object? Call(CallExpression call)
    {
        if (call.Target is null)
        {
            var arguments = Evaluate(call.Arguments);
            return _bindings.Functions.TryGetValue(call.Name, out var function)
                ? function(arguments)
                : throw ScriptException.Compile("Unknown call [" + call.Name + "] with [" + arguments.Count + "] arguments.", call.Offset);
        }

        if (call.Target is TypeExpression type)
        {
            return ScriptStatics.Call(type.Name, call.Name, Evaluate(call.Arguments));
        }

        var target = Evaluate(call.Target);
        return target is null && call.NullSafe ? null : ScriptMethods.Call(target, call.Name, Evaluate(call.Arguments));
    }

    private ScriptMap Map(MapExpression map)
    {
        var result = new ScriptMap();
        foreach (var (key, value) in map.Entries)
        {
            result.Put(Evaluate(key), Evaluate(value));
        }

        return result;
    }

    private object? Binary(BinaryExpression binary)
    {
        switch (binary.Operator)
        {
            case "&&":
                return ScriptTypes.Truth(Evaluate(binary.Left), "operand of [&&]") && ScriptTypes.Truth(Evaluate(binary.Right), "operand of [&&]");
            case "||":
                return ScriptTypes.Truth(Evaluate(binary.Left), "operand of [||]") || ScriptTypes.Truth(Evaluate(binary.Right), "operand of [||]");
            case "?:":
                return Evaluate(binary.Left) ?? Evaluate(binary.Right);
        }

        var left = Evaluate(binary.Left);
        return ScriptOperators.Binary(binary.Operator, left, Evaluate(binary.Right));
    }

    private object? Assign(AssignExpression assign)
    {
        switch (assign.Target)
        {
            case VariableExpression variable:
                {
                    var scope = Find(variable.Name) ?? throw (_bindings.Variables.ContainsKey(variable.Name)
                        ? ScriptException.Compile("cannot assign a value to the read-only variable [" + variable.Name + "].", variable.Offset)
                        : ScriptException.Compile("cannot resolve symbol [" + variable.Name + "].", variable.Offset));
                    var (type, current) = scope[variable.Name];
                    var value = assign.Operator is null
                        ? ScriptTypes.Convert(Evaluate(assign.Value), type, explicitCast: false)
                        : ScriptTypes.Convert(ScriptOperators.Binary(assign.Operator, current, Evaluate(assign.Value)), type, explicitCast: true);
                    scope[variable.Name] = (type, value);
                    return value;
                }

            case MemberExpression member:
                {
                    var target = Evaluate(member.Target);
                    var value = assign.Operator is null
                        ? Evaluate(assign.Value)
                        : ScriptOperators.Binary(assign.Operator, ScriptMembers.Get(target, member.Name), Evaluate(assign.Value));
                    ScriptMembers.Set(target, member.Name, value);
                    return value;
                }

            case IndexExpression index:
                {
                    var target = Evaluate(index.Target);
                    var key = Evaluate(index.Index);
                    var value = assign.Operator is null
                        ? Evaluate(assign.Value)
                        : ScriptOperators.Binary(assign.Operator, ScriptMembers.Index(target, key), Evaluate(assign.Value));
                    ScriptMembers.SetIndex(target, key, value);
                    return value;
                }

            default:
                throw ScriptException.Compile("invalid assignment.", assign.Offset);
        }
    }

    private object? Increment(IncrementExpression increment)
    {
        var before = Evaluate(increment.Target);
        var after = ScriptOperators.Binary("+", before, increment.Delta);
        if (before is not null && after?.GetType() != before.GetType())
        {
            after = ScriptTypes.Convert(after, ScriptTypes.ShortName(before) switch { "Integer" => "int", var n => n.ToLowerInvariant() }, explicitCast: true);
        }

        Assign(new AssignExpression(increment.Target, null, new LiteralExpression(after, increment.Offset), increment.Offset));
        return increment.Prefix ? after : before;
    }
}
