using Gateway.EmbeddedStore.Scripting.Syntax;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// Recursive-descent parser of the Painless subset into a tree of <see cref="ScriptStatement"/>s and
/// <see cref="ScriptExpression"/>s, with Java's operator precedence. What Painless has but the subset does not
/// (lambdas, method references, regexes, functions, try/catch, arrays) is a compile error naming it.
/// </summary>
internal sealed class ScriptParser
{
    private static readonly Dictionary<string, int> Precedence = new(StringComparer.Ordinal)
    {
        ["?:"] = 1,
        ["||"] = 2,
        ["&&"] = 3,
        ["|"] = 4,
        ["^"] = 5,
        ["&"] = 6,
        ["=="] = 7,
        ["!="] = 7,
        ["==="] = 7,
        ["!=="] = 7,
        ["<"] = 8,
        ["<="] = 8,
        [">"] = 8,
        [">="] = 8,
        ["instanceof"] = 8,
        ["<<"] = 9,
        [">>"] = 9,
        [">>>"] = 9,
        ["+"] = 10,
        ["-"] = 10,
        ["*"] = 11,
        ["/"] = 11,
        ["%"] = 11,
    };

    private readonly List<ScriptToken> _tokens;
    private int _position;

    private ScriptParser(List<ScriptToken> tokens) => _tokens = tokens;

    /// <summary>Parses a whole script; throws a compile-error <see cref="ScriptException"/> on bad syntax.</summary>
    public static BlockStatement Parse(string source)
    {
        var parser = new ScriptParser(ScriptLexer.Tokenize(source));
        var statements = new List<ScriptStatement>();
        while (parser.Current.Kind != TokenKind.End)
        {
            if (parser.Accept(";"))
            {
                continue;
            }

            statements.Add(parser.Statement());
        }

        return new BlockStatement(statements, 0);
    }

    private ScriptToken Current => _tokens[_position];

    private ScriptToken Peek(int ahead) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];

    private ScriptToken Next() => _tokens[_position++];

    private bool Accept(string symbol)
    {
        if (Current.Is(symbol))
        {
            _position++;
            return true;
        }

        return false;
    }

    private bool AcceptWord(string word)
    {
        if (Current.Kind == TokenKind.Identifier && Current.Text == word)
        {
            _position++;
            return true;
        }

        return false;
    }

    private ScriptToken Expect(string symbol) =>
        Current.Is(symbol) ? Next() : throw Unexpected();

    private ScriptException Unexpected() => Current.Kind == TokenKind.End
        ? ScriptException.Compile("unexpected end of script.", Current.Offset)
        : ScriptException.Compile("invalid sequence of tokens near ['" + Current.Text + "'].", Current.Offset);

    private string Identifier() =>
        Current.Kind == TokenKind.Identifier ? Next().Text : throw Unexpected();

    private ScriptStatement Statement()
    {
        var token = Current;
        if (token.Is("{"))
        {
            return Block();
        }

        if (token.Kind == TokenKind.Identifier)
        {
            switch (token.Text)
            {
                case "if":
                    return If();
                case "while":
                    Next();
                    return While(token.Offset);
                case "do":
                    return DoWhile();
                case "for":
                    return For();
                case "break" or "continue":
                    Next();
                    EndOfStatement();
                    return new JumpStatement(token.Text == "break", token.Offset);
                case "return":
                    Next();
                    var value = Current.Is(";") || Current.Is("}") || Current.Kind == TokenKind.End ? null : Expression();
                    EndOfStatement();
                    return new ReturnStatement(value, token.Offset);
                case "throw":
                    Next();
                    var thrown = Expression();
                    EndOfStatement();
                    return new ThrowStatement(thrown, token.Offset);
                case "try" or "catch" or "finally":
                    throw Unsupported("try/catch", token.Offset);
                case "class" or "interface" or "import" or "static":
                    throw Unsupported("[" + token.Text + "] declarations", token.Offset);
            }

            if (IsDeclaration())
            {
                var declaration = Declaration();
                EndOfStatement();
                return declaration;
            }
        }

        var expression = Expression();
        EndOfStatement();
        return new ExpressionStatement(expression, token.Offset);
    }

    // A statement ends with ';', or is the last before '}' or the end of the script (Painless allows both).
    private void EndOfStatement()
    {
        if (!Accept(";") && !Current.Is("}") && Current.Kind != TokenKind.End)
        {
            throw Unexpected();
        }
    }

    private BlockStatement Block()
    {
        var start = Expect("{").Offset;
        var statements = new List<ScriptStatement>();
        while (!Accept("}"))
        {
            if (Current.Kind == TokenKind.End)
            {
                throw Unexpected();
            }

            if (!Accept(";"))
            {
                statements.Add(Statement());
            }
        }

        return new BlockStatement(statements, start);
    }

    private IfStatement If()
    {
        var start = Next().Offset;
        Expect("(");
        var condition = Expression();
        Expect(")");
        var then = Body();
        ScriptStatement? otherwise = null;
        if (AcceptWord("else"))
        {
            otherwise = Body();
        }

        return new IfStatement(condition, then, otherwise, start);
    }

    private ScriptStatement Body() => Accept(";") ? new BlockStatement([], Current.Offset) : Statement();

    private WhileStatement While(int start)
    {
        Expect("(");
        var condition = Expression();
        Expect(")");
        return new WhileStatement(condition, Body(), true, start);
    }

    private WhileStatement DoWhile()
    {
        var start = Next().Offset;
        var body = Block();
        if (!AcceptWord("while"))
        {
            throw Unexpected();
        }

        Expect("(");
        var condition = Expression();
        Expect(")");
        EndOfStatement();
        return new WhileStatement(condition, body, false, start);
    }

    private ScriptStatement For()
    {
        var start = Next().Offset;
        Expect("(");
        if (Current.Kind == TokenKind.Identifier && ScriptTypes.IsTypeName(Current.Text) && Peek(1).Kind == TokenKind.Identifier && Peek(2).Is(":"))
        {
            var type = Next().Text;
            var name = Next().Text;
            Next();
            var source = Expression();
            Expect(")");
            return new ForEachStatement(type, name, source, Body(), start);
        }

        if (Current.Kind == TokenKind.Identifier && Peek(1).Kind == TokenKind.Identifier && Peek(1).Text == "in")
        {
            var name = Next().Text;
            Next();
            var source = Expression();
            Expect(")");
            return new ForEachStatement("def", name, source, Body(), start);
        }

        ScriptStatement? initializer = null;
        if (!Current.Is(";"))
        {
            initializer = IsDeclaration() ? Declaration() : new ExpressionStatement(Expression(), Current.Offset);
        }

        Expect(";");
        var condition = Current.Is(";") ? null : Expression();
        Expect(";");
        var updates = new List<ScriptExpression>();
        while (!Current.Is(")"))
        {
            updates.Add(Expression());
            if (!Accept(","))
            {
                break;
            }
        }

        Expect(")");
        return new ForStatement(initializer, condition, updates, Body(), start);
    }

    private bool IsDeclaration()
    {
        if (Current.Kind != TokenKind.Identifier || !ScriptTypes.IsTypeName(Current.Text))
        {
            return false;
        }

        if (Peek(1).Is("[") && Peek(2).Is("]"))
        {
            throw Unsupported("arrays", Current.Offset);
        }

        return Peek(1).Kind == TokenKind.Identifier;
    }

    private DeclarationStatement Declaration()
    {
        var start = Current.Offset;
        var type = Next().Text;
        var variables = new List<(string, ScriptExpression?)>();
        do
        {
            var name = Identifier();
            variables.Add((name, Accept("=") ? Expression() : null));
        }
        while (Accept(","));

        return new DeclarationStatement(type, variables, start);
    }

    private ScriptExpression Expression()
    {
        var target = Conditional();
        var token = Current;
        if (token.Kind != TokenKind.Symbol)
        {
            return target;
        }

        string? op = token.Text switch
        {
            "=" => "",
            "+=" or "-=" or "*=" or "/=" or "%=" or "&=" or "|=" or "^=" or "<<=" or ">>=" or ">>>=" => token.Text[..^1],
            _ => null,
        };
        if (op is null)
        {
            return target;
        }

        if (target is not (VariableExpression or MemberExpression or IndexExpression))
        {
            throw ScriptException.Compile("invalid assignment: cannot assign a value to this expression.", token.Offset);
        }

        Next();
        return new AssignExpression(target, op.Length == 0 ? null : op, Expression(), token.Offset);
    }

    private ScriptExpression Conditional()
    {
        var condition = Binary(1);
        if (!Current.Is("?"))
        {
            return condition;
        }

        var offset = Next().Offset;
        var whenTrue = Expression();
        Expect(":");
        return new ConditionalExpression(condition, whenTrue, Conditional(), offset);
    }

    private ScriptExpression Binary(int minimum)
    {
        var left = Unary();
        while (true)
        {
            var token = Current;
            var op = token.Kind == TokenKind.Symbol || (token.Kind == TokenKind.Identifier && token.Text == "instanceof") ? token.Text : null;
            if (op is "=~" or "==~")
            {
                throw Unsupported("regexes", token.Offset);
            }

            if (op is null || !Precedence.TryGetValue(op, out var precedence) || precedence < minimum)
            {
                return left;
            }

            Next();
            if (op == "instanceof")
            {
                left = new InstanceOfExpression(left, Identifier(), token.Offset);
                continue;
            }

            // The elvis operator is right-associative, the others left-associative.
            var right = Binary(op == "?:" ? precedence : precedence + 1);
            left = new BinaryExpression(op, left, right, token.Offset);
        }
    }

    private ScriptExpression Unary()
    {
        var token = Current;
        if (token.Kind == TokenKind.Symbol)
        {
            switch (token.Text)
            {
                case "!" or "-" or "+" or "~":
                    Next();
                    var operand = Unary();
                    // Fold "-2147483648" and "-9223372036854775808L"-style literals as Java does.
                    if (token.Text == "-" && operand is LiteralExpression { Value: int or long or double or float } literal)
                    {
                        return new LiteralExpression(ScriptOperators.Negate(literal.Value), token.Offset);
                    }

                    return new UnaryExpression(token.Text, operand, token.Offset);
                case "++" or "--":
                    Next();
                    return new IncrementExpression(Assignable(Unary(), token.Offset), token.Text == "++" ? 1 : -1, true, token.Offset);
                case "(" when IsCast():
                    Next();
                    var type = Next().Text;
                    Expect(")");
                    return new CastExpression(type, Unary(), token.Offset);
            }
        }

        var value = Postfix(Primary());
        if (Current.Is("++") || Current.Is("--"))
        {
            var op = Next();
            return new IncrementExpression(Assignable(value, op.Offset), op.Text == "++" ? 1 : -1, false, op.Offset);
        }

        return value;
    }

    private static ScriptExpression Assignable(ScriptExpression target, int offset) =>
        target is VariableExpression or MemberExpression or IndexExpression
            ? target
            : throw ScriptException.Compile("invalid increment: the operand cannot be assigned.", offset);

    // "(Type) x" is a cast when Type is a known type and what follows can start an operand.
    private bool IsCast()
    {
        if (Peek(1).Kind != TokenKind.Identifier || !ScriptTypes.IsTypeName(Peek(1).Text) || !Peek(2).Is(")"))
        {
            return false;
        }

        var after = Peek(3);
        return after.Kind is TokenKind.Identifier or TokenKind.Number or TokenKind.String
            || after.Is("(") || after.Is("!") || after.Is("~") || after.Is("[")
            || (ScriptTypes.IsPrimitive(Peek(1).Text) && (after.Is("-") || after.Is("+")));
    }

    private ScriptExpression Primary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number or TokenKind.String:
                return new LiteralExpression(token.Value, token.Offset);
            case TokenKind.Identifier:
                return Word(token);
        }

        if (token.Is("("))
        {
            if (Current.Kind == TokenKind.Identifier && (Peek(1).Is("->") || (Peek(1).Is(",") && Peek(2).Kind == TokenKind.Identifier)) || Current.Is(")") && Peek(1).Is("->"))
            {
                throw Unsupported("lambdas", token.Offset);
            }

            var inner = Expression();
            Expect(")");
            return inner;
        }

        if (token.Is("["))
        {
            return Initializer(token.Offset);
        }

        if (token.Is("/"))
        {
            throw Unsupported("regexes", token.Offset);
        }

        _position--;
        throw Unexpected();
    }

    private ScriptExpression Word(ScriptToken token)
    {
        switch (token.Text)
        {
            case "true":
                return new LiteralExpression(true, token.Offset);
            case "false":
                return new LiteralExpression(false, token.Offset);
            case "null":
                return new LiteralExpression(null, token.Offset);
            case "new":
                return New(token.Offset);
        }

        if (Current.Is("->"))
        {
            throw Unsupported("lambdas", token.Offset);
        }

        if (Current.Is("::"))
        {
            throw Unsupported("method references", token.Offset);
        }

        if (Current.Is("("))
        {
            return new CallExpression(null, token.Text, Arguments(), false, token.Offset);
        }

        return ScriptTypes.IsStaticClass(token.Text) && Current.Is(".")
            ? new TypeExpression(token.Text, token.Offset)
            : new VariableExpression(token.Text, token.Offset);
    }

    private NewExpression New(int offset)
    {
        var type = Identifier();
        if (Current.Is("["))
        {
            throw Unsupported("arrays", offset);
        }

        if (Current.Is("<"))
        {
            throw Unsupported("generic type arguments", offset);
        }

        return new NewExpression(type, Arguments(), offset);
    }

    // After '[': "[]" (empty list), "[:]" (empty map), "[a, b]" or "['k': v, ...]".
    private ScriptExpression Initializer(int offset)
    {
        if (Accept("]"))
        {
            return new ListExpression([], offset);
        }

        if (Accept(":"))
        {
            Expect("]");
            return new MapExpression([], offset);
        }

        var first = Expression();
        if (Accept(":"))
        {
            var entries = new List<(ScriptExpression, ScriptExpression)> { (first, Expression()) };
            while (Accept(","))
            {
                var key = Expression();
                Expect(":");
                entries.Add((key, Expression()));
            }

            Expect("]");
            return new MapExpression(entries, offset);
        }

        var items = new List<ScriptExpression> { first };
        while (Accept(","))
        {
            items.Add(Expression());
        }

        Expect("]");
        return new ListExpression(items, offset);
    }

    private List<ScriptExpression> Arguments()
    {
        Expect("(");
        var arguments = new List<ScriptExpression>();
        if (Accept(")"))
        {
            return arguments;
        }

        do
        {
            if ((Current.Kind == TokenKind.Identifier && Peek(1).Is("->")) || (Current.Is("(") && (Peek(1).Is(")") || Peek(2).Is(",") || Peek(2).Is(")")) && LambdaAhead()))
            {
                throw Unsupported("lambdas", Current.Offset);
            }

            if (Current.Kind == TokenKind.Identifier && Peek(1).Is("::"))
            {
                throw Unsupported("method references", Current.Offset);
            }

            arguments.Add(Expression());
        }
        while (Accept(","));

        Expect(")");
        return arguments;
    }

    private bool LambdaAhead()
    {
        for (var i = _position; i < _tokens.Count; i++)
        {
            if (_tokens[i].Is(")"))
            {
                return i + 1 < _tokens.Count && _tokens[i + 1].Is("->");
            }
        }

        return false;
    }

    private ScriptExpression Postfix(ScriptExpression value)
    {
        while (true)
        {
            var token = Current;
            if (token.Is(".") || token.Is("?."))
            {
                Next();
                var name = Identifier();
                value = Current.Is("(")
                    ? new CallExpression(value, name, Arguments(), token.Text == "?.", token.Offset)
                    : new MemberExpression(value, name, token.Text == "?.", token.Offset);
            }
            else if (token.Is("["))
            {
                Next();
                var index = Expression();
                Expect("]");
                value = new IndexExpression(value, index, token.Offset);
            }
            else if (token.Is("::"))
            {
                throw Unsupported("method references", token.Offset);
            }
            else
            {
                return value;
            }
        }
    }

    private static ScriptException Unsupported(string what, int offset) =>
        ScriptException.Compile("not supported by the embedded store's Painless subset: " + what, offset);
}
