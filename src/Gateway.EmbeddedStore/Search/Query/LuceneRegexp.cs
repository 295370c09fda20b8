using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// Lucene's <c>RegExp</c> syntax (the <c>regexp</c> query and interval rule) translated to a .NET regex: the whole
/// term must match, <c>"..."</c> is a literal string, and characters .NET treats specially but Lucene does not
/// (<c>^ $</c>) are literals. Lucene's optional operators (<c>~</c> complement, <c>&amp;</c> intersection, <c>@</c>
/// any string, <c>#</c> empty, <c>&lt;n-m&gt;</c> numeric ranges) have no .NET equivalent: with the operators enabled
/// (flags <c>ALL</c>, the default) they are refused by name, with flags <c>NONE</c> they are plain characters.
/// </summary>
internal static class LuceneRegexp
{
    public static Regex ToRegex(string pattern, bool operators, bool ignoreCase)
    {
        var regex = new StringBuilder("^(?:");
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (inClass)
            {
                inClass = c != ']';
                regex.Append(c == '[' ? "\\[" : c.ToString());
            }
            else if (c == '"')
            {
                var end = pattern.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("expected '\"' at position " + pattern.Length));
                }

                regex.Append(Regex.Escape(pattern[(i + 1)..end]));
                i = end;
            }
            else if (c is '~' or '&' or '@' or '#' or '<' or '>')
            {
                if (operators)
                {
                    throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("the regexp operator [" + c + "] is not supported by the embedded store"));
                }

                regex.Append(Regex.Escape(c.ToString()));
            }
            else
            {
                inClass = c == '[';
                regex.Append(c is '.' or '*' or '+' or '?' or '{' or '}' or '(' or ')' or '|' or '[' ? c.ToString() : Regex.Escape(c.ToString()));
            }
        }

        try
        {
            var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            return new Regex(regex.Append(")$").ToString(), options, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("invalid regexp [" + pattern + "]: " + e.Message.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
