using System.Text;

namespace DanVan365.Functions.Tests.Infrastructure;

/// <summary>
/// Just enough of ARM's template expression syntax (function calls, single-quoted strings with '' as the escape) to read
/// what <c>bicep snapshot</c> leaves unevaluated: the app settings, merged at deployment with the app's current ones.
/// </summary>
public static class ArmExpression
{
    /// <summary>The arguments of <paramref name="function"/>(…) when <paramref name="text"/> is exactly that call; else null.</summary>
    public static IReadOnlyList<string>? Arguments(string text, string function)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(function);
        var call = text.Trim();
        if (!call.StartsWith(function + "(", StringComparison.Ordinal) || !call.EndsWith(')')
            || CloseOf(call, function.Length) != call.Length - 1)
        {
            return null;
        }

        var inner = call[(function.Length + 1)..^1];
        var arguments = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '(' or '[')
            {
                depth++;
            }
            else if (!quoted && c is ')' or ']')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == ',')
            {
                arguments.Add(inner[start..i].Trim());
                start = i + 1;
            }
        }

        if (inner.Trim().Length > 0)
        {
            arguments.Add(inner[start..].Trim());
        }

        return arguments;
    }

    /// <summary>The value of a string literal ('…', '' inside for a quote), or null when the text is not one literal.</summary>
    public static string? Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2 || text[0] != '\'' || text[^1] != '\'')
        {
            return null;
        }

        var value = new StringBuilder();
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '\'')
            {
                if (i + 1 >= text.Length - 1 || text[i + 1] != '\'')
                {
                    return null;
                }

                i++;
            }

            value.Append(text[i]);
        }

        return value.ToString();
    }

    /// <summary>Index of the parenthesis closing the one at <paramref name="open"/>, quotes respected; -1 when unbalanced.</summary>
    private static int CloseOf(string text, int open)
    {
        var depth = 0;
        var quoted = false;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
