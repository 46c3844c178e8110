using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DanVan365.LocalM365.Routing;

/// <summary>
/// The $filter subset this emulator understands: eq, ne, gt, ge, lt, le, and, or, not, parentheses, startswith(p,'x');
/// literals 'text' (with '' for a quote), numbers, true/false, null, and bare ISO dates.
/// https://learn.microsoft.com/en-us/graph/filter-query-parameter
/// </summary>
internal sealed class ODataFilter
{
    private readonly Node _root;

    private ODataFilter(Node root, List<string> paths)
    {
        _root = root;
        Paths = paths;
    }

    /// <summary>Property paths the filter references, e.g. "fields/Code".</summary>
    public IReadOnlyList<string> Paths { get; }

    public static ODataFilter Parse(string text)
    {
        var tokens = Tokenize(text);
        var paths = new List<string>();
        var parser = new Parser(tokens, paths);
        var node = parser.ParseOr();
        if (!parser.AtEnd)
        {
            throw GraphException.BadRequest($"Invalid filter clause: unexpected '{parser.Peek}'.");
        }

        return new ODataFilter(node, paths);
    }

    public bool Matches(Func<string, JsonNode?> resolve) => _root.Eval(resolve);

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '\'')
            {
                var sb = new StringBuilder("'");
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw GraphException.BadRequest("Invalid filter clause: unterminated string literal.");
                    }

                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            sb.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(text[i++]);
                }

                tokens.Add(sb.ToString());
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')' and not ',')
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private abstract class Node
    {
        public abstract bool Eval(Func<string, JsonNode?> resolve);
    }

    private sealed class Logical(string op, Node left, Node right) : Node
    {
        public override bool Eval(Func<string, JsonNode?> resolve) =>
            op == "and" ? left.Eval(resolve) && right.Eval(resolve) : left.Eval(resolve) || right.Eval(resolve);
    }

    private sealed class Not(Node inner) : Node
    {
        public override bool Eval(Func<string, JsonNode?> resolve) => !inner.Eval(resolve);
    }

    private sealed class StartsWith(string path, string prefix) : Node
    {
        public override bool Eval(Func<string, JsonNode?> resolve) =>
            resolve(path) is JsonValue v && v.ToString().StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Compare(string path, string op, object? literal) : Node
    {
        public override bool Eval(Func<string, JsonNode?> resolve)
        {
            var value = resolve(path);
            int? cmp = Cmp(value, literal);
            return op switch
            {
                "eq" => cmp == 0,
                "ne" => cmp != 0,
                "gt" => cmp > 0,
                "ge" => cmp >= 0,
                "lt" => cmp < 0,
                "le" => cmp <= 0,
                _ => false,
            };
        }

        private static int? Cmp(JsonNode? value, object? literal)
        {
            if (literal is null)
            {
                return value is null ? 0 : 1;
            }

            if (value is not JsonValue v)
            {
                return null;
            }

            switch (literal)
            {
                case bool b:
                    return v.TryGetValue<bool>(out var vb) ? vb.CompareTo(b) : null;
                case double d:
                    if (v.TryGetValue<double>(out var vd))
                    {
                        return vd.CompareTo(d);
                    }

                    return v.TryGetValue<string>(out var vs) && double.TryParse(vs, NumberStyles.Float, CultureInfo.InvariantCulture,
                        out var pd) ? pd.CompareTo(d) : null;
                case DateTimeOffset dt:
                    return v.TryGetValue<string>(out var ds) && DateTimeOffset.TryParse(ds, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal, out var pdt) ? pdt.CompareTo(dt) : null;
                case string s:
                    var text = v.TryGetValue<string>(out var str) ? str : v.ToJsonString();
                    return string.Compare(text, s, StringComparison.OrdinalIgnoreCase);
                default:
                    return null;
            }
        }
    }

    private sealed class Parser(List<string> tokens, List<string> paths)
    {
        private int _pos;

        public bool AtEnd => _pos >= tokens.Count;

        public string Peek => AtEnd ? "<end>" : tokens[_pos];

        public Node ParseOr()
        {
            var left = ParseAnd();
            while (!AtEnd && Is("or"))
            {
                _pos++;
                left = new Logical("or", left, ParseAnd());
            }

            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseUnary();
            while (!AtEnd && Is("and"))
            {
                _pos++;
                left = new Logical("and", left, ParseUnary());
            }

            return left;
        }

        private Node ParseUnary()
        {
            if (Is("not"))
            {
                _pos++;
                return new Not(ParseUnary());
            }

            if (Is("("))
            {
                _pos++;
                var inner = ParseOr();
                Expect(")");
                return inner;
            }

            var first = Next();
            if (first.Equals("startswith", StringComparison.OrdinalIgnoreCase))
            {
                Expect("(");
                var path = Next();
                paths.Add(path);
                Expect(",");
                var literal = Literal(Next()) as string
                    ?? throw GraphException.BadRequest("Invalid filter clause: startswith needs a string.");
                Expect(")");
                return new StartsWith(path, literal);
            }

            paths.Add(first);
            var op = Next().ToLowerInvariant();
            if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le"))
            {
                throw GraphException.BadRequest($"Invalid filter clause: unsupported operator '{op}'.");
            }

            return new Compare(first, op, Literal(Next()));
        }

        private static object? Literal(string token)
        {
            if (token.StartsWith('\''))
            {
                return token[1..];
            }

            if (token is "null")
            {
                return null;
            }

            if (token is "true" or "false")
            {
                return token == "true";
            }

            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                return d;
            }

            if (DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt))
            {
                return dt;
            }

            throw GraphException.BadRequest($"Invalid filter clause: cannot read the value '{token}'.");
        }

        private bool Is(string token) => !AtEnd && string.Equals(tokens[_pos], token, StringComparison.OrdinalIgnoreCase);

        private string Next() => AtEnd ? throw GraphException.BadRequest("Invalid filter clause: unexpected end.") : tokens[_pos++];

        private void Expect(string token)
        {
            if (!Is(token))
            {
                throw GraphException.BadRequest($"Invalid filter clause: expected '{token}' but found '{Peek}'.");
            }

            _pos++;
        }
    }
}
