using System.Globalization;
using System.Text.Json;

namespace DanVan365.Documents.Catalogue.Json;

/// <summary>
/// The line (1-based) where each member and array item of a JSON document starts, by path ("$.entries[3].lead"), so a
/// reader can name file:line for a value it refuses (<see cref="JsonElement"/> keeps no positions).
/// </summary>
internal sealed class JsonLines
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLines()
    {
    }

    /// <summary>The number of lines of the document.</summary>
    public int Count { get; private set; }

    /// <summary>Indexes a document already known to parse.</summary>
    public static JsonLines Index(byte[] json)
    {
        var newlines = new List<long>();
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        var index = new JsonLines { Count = newlines.Count + 1 };
        int LineAt(long offset)
        {
            var at = newlines.BinarySearch(offset);
            return (at < 0 ? ~at : at) + 1;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var frames = new Stack<(bool Array, int Next, string Path)>();
        var property = string.Empty;
        while (reader.Read())
        {
            var line = LineAt(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString() ?? string.Empty;
                    index._lines.TryAdd(frames.Peek().Path + "." + property, line);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var path = ItemPath(frames, property);
                    index._lines.TryAdd(path, line);
                    frames.Push((reader.TokenType == JsonTokenType.StartArray, 0, path));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    index._lines.TryAdd(ItemPath(frames, property), line);
                    break;
            }
        }

        return index;
    }

    /// <summary>The line of <paramref name="path"/>, else of its nearest enclosing path, else 1.</summary>
    public int Of(string path)
    {
        var p = path;
        while (p.Length > 0)
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }

            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut > 0 ? p[..cut] : string.Empty;
        }

        return 1;
    }

    // The path of the value starting now: the next item of an array, the current member of an object, or the root.
    private static string ItemPath(Stack<(bool Array, int Next, string Path)> frames, string property)
    {
        if (frames.Count == 0)
        {
            return "$";
        }

        var top = frames.Pop();
        frames.Push(top with { Next = top.Next + (top.Array ? 1 : 0) });
        return top.Array ? string.Create(CultureInfo.InvariantCulture, $"{top.Path}[{top.Next}]") : top.Path + "." + property;
    }
}
