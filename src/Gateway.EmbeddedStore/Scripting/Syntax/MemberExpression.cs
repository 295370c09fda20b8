namespace Gateway.EmbeddedStore.Scripting.Syntax;

/// <summary><c>target.name</c> or <c>target?.name</c>: a map key, a getter shortcut or a static field.</summary>
internal sealed record MemberExpression(ScriptExpression Target, string Name, bool NullSafe, int Offset) : ScriptExpression(Offset);
