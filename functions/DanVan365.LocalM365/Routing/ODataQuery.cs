using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DanVan365.LocalM365.Routing;

/// <summary>$select, $expand, $top and skip tokens.</summary>
internal static class ODataQuery
{
    /// <summary>Keeps only the selected properties (plus @odata.* annotations and id), as $select does.</summary>
    public static JsonObject Select(JsonObject obj, string? select, params string[] keep)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            return obj;
        }

        var names = new HashSet<string>(select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            StringComparer.OrdinalIgnoreCase);
        var result = new JsonObject();
        foreach (var (k, v) in obj)
        {
            if (names.Contains(k) || k.StartsWith("@odata.", StringComparison.Ordinal) || k == "id" || keep.Contains(k))
            {
                result[k] = v?.DeepClone();
            }
        }

        return result;
    }

    /// <summary>Parses $expand: "fields($select=a,b),driveItem" → {fields: "a,b", driveItem: null}.</summary>
    public static Dictionary<string, string?> Expand(string? expand)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(expand))
        {
            return result;
        }

        var depth = 0;
        var start = 0;
        for (var i = 0; i <= expand.Length; i++)
        {
            if (i == expand.Length || (expand[i] == ',' && depth == 0))
            {
                AddPart(result, expand[start..i].Trim());
                start = i + 1;
            }
            else if (expand[i] == '(')
            {
                depth++;
            }
            else if (expand[i] == ')')
            {
                depth--;
            }
        }

        return result;
    }

    public static int Top(GraphRequest request, int defaultSize, int max)
    {
        var top = request.QueryValue("$top");
        if (top is null)
        {
            return defaultSize;
        }

        if (!int.TryParse(top, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            throw GraphException.BadRequest($"Invalid value '{top}' for $top.");
        }

        return Math.Min(n, max);
    }

    public static string EncodeToken(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+',
        '-').Replace('/', '_');

    public static string? DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var s = token.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
        catch (FormatException)
        {
            throw GraphException.BadRequest("The skip or delta token is not valid.");
        }
    }

    private static void AddPart(Dictionary<string, string?> result, string part)
    {
        if (part.Length == 0)
        {
            return;
        }

        var paren = part.IndexOf('(', StringComparison.Ordinal);
        if (paren < 0)
        {
            result[part] = null;
            return;
        }

        var name = part[..paren].Trim();
        var options = part[(paren + 1)..].TrimEnd(')');
        string? select = null;
        foreach (var option in options.Split(';'))
        {
            var eq = option.IndexOf('=', StringComparison.Ordinal);
            // "select" without "$" as in the documented requests of listitem-list.md and list-get.md: fields(select=Name,Color).
            if (eq > 0 && option[..eq].Trim().TrimStart('$').Equals("select", StringComparison.OrdinalIgnoreCase))
            {
                select = option[(eq + 1)..].Trim();
            }
        }

        result[name] = select ?? string.Empty;
    }
}
