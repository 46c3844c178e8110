using System.Globalization;
using System.Text.Json;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue.Json;

/// <summary>
/// Imports a reviewed copy written by <see cref="DecisionJsonCopy"/> (`danvan365 catalogue FILE --out COPY.json`): the
/// decision's metadata, sections, entries and footnotes as the clerk left them, and the scan's cells with "reviewed" as
/// the clerk set it. Strict: bad JSON, another format or version, a missing or unknown member, a value of the wrong type
/// are refused with file:line (<see cref="InvalidInputException"/>). Entries' lines are the copy's lines, so the
/// assembler's messages point into the copy.
/// </summary>
public sealed class JsonDecisionImporter : IDecisionImporter
{
    private static readonly string[] RootMembers =
        ["format", "version", "source", "genre", "decision", "sections", "entries", "footnotes", "scan"];

    private static readonly string[] DecisionMembers =
        ["number", "date", "issuer", "signer", "signerCapacity", "aggregating", "reportingRounds", "recipients"];

    private static readonly string[] EntryMembers =
        ["code", "section", "parent", "title", "lead", "coordinating", "time", "footnotes", "cells"];

    private static readonly string[] CellMembers = ["page", "row", "column", "box", "text", "confidence", "reviewed"];

    public IReadOnlyList<string> Extensions { get; } = [".json"];

    public TaskCatalogue Import(Stream stream, string name, UnitDirectory units) => CatalogueAssembler.Assemble(Read(stream, name), units);

    /// <summary>Reads the copy into a raw catalogue (texts NFC, whitespace normalised; the scan kept with its reviews).</summary>
    public static RawCatalogue Read(Stream stream, string name)
    {
        var bytes = DecisionInput.ReadAll(stream, name);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(name, (int)(ex.LineNumber ?? 0) + 1,
                $"not valid JSON: {ex.Message} (tệp JSON không hợp lệ)", ex);
        }

        using (document)
        {
            var f = new JsonFields(name, JsonLines.Index(bytes));
            var root = document.RootElement;
            f.Members(root, "$", RootMembers);
            var format = f.String(root, "$", "format");
            if (format != DecisionJsonCopy.Format)
            {
                throw f.Error("$.format", $"not a DanVan365 decision copy (format \"{format}\", expected \"{DecisionJsonCopy.Format}\") " +
                    "(không phải bản sao quyết định của DanVan365)");
            }

            var version = f.Int(root, "$", "version");
            if (version != DecisionJsonCopy.Version)
            {
                throw f.Error("$.version", $"unknown version {version.ToString(CultureInfo.InvariantCulture)}: " +
                    "this program reads version " +
                    $"{DecisionJsonCopy.Version.ToString(CultureInfo.InvariantCulture)} (phiên bản bản sao không được hỗ trợ)");
            }

            _ = f.String(root, "$", "source");
            var genre = Genre(f, root);
            var decision = Decision(f, f.Object(root, "$", "decision"));
            var cells = new List<ScannedCell>();
            var sections = f.Items(root, "$", "sections").Select(item =>
            {
                var (s, path) = item;
                f.Members(s, path, ["code", "title", "cells"]);
                cells.AddRange(Cells(f, s, path));
                return new RawSection(f.Text(s, path, "code"), f.Text(s, path, "title"), f.Line(path));
            }).ToList();
            var entries = f.Items(root, "$", "entries").Select(item =>
            {
                var (e, path) = item;
                f.Members(e, path, EntryMembers);
                cells.AddRange(Cells(f, e, path));
                return new RawEntry(f.Text(e, path, "code"), f.Text(e, path, "section"), f.NullableText(e, path, "parent"),
                    f.Text(e, path, "title"), f.Text(e, path, "lead"), f.Text(e, path, "coordinating"), f.NullableText(e, path, "time"),
                    f.Strings(e, path, "footnotes"), f.Line(path), f.Line(path + ".lead"), f.Line(path + ".coordinating"),
                    f.Line(path + ".time"));
            }).ToList();
            var footnotes = f.Items(root, "$", "footnotes").Select(item =>
            {
                var (n, path) = item;
                f.Members(n, path, ["mark", "text"]);
                return new Footnote(f.Text(n, path, "mark"), f.Text(n, path, "text"));
            }).ToList();
            var scan = Scan(f, root, cells);
            return new RawCatalogue(name, decision, sections, entries, footnotes, f.LineCount) { Genre = genre, Scan = scan };
        }
    }

    private static DocumentGenre Genre(JsonFields f, JsonElement root) => f.String(root, "$", "genre") switch
    {
        "decision-table" => DocumentGenre.DecisionTable,
        "plan-prose" => DocumentGenre.PlanProse,
        "plan-appendix-table" => DocumentGenre.PlanAppendixTable,
        var other => throw f.Error("$.genre",
            $"unknown genre \"{other}\" (expected decision-table, plan-prose or plan-appendix-table) (thể loại không hợp lệ)"),
    };

    private static RawDecision Decision(JsonFields f, JsonElement d)
    {
        const string P = "$.decision";
        f.Members(d, P, DecisionMembers);
        var rounds = f.Items(d, P, "reportingRounds").Select(item =>
        {
            var (r, path) = item;
            f.Members(r, path, ["round", "lastDay", "text"]);
            return new ReportingRound(f.Int(r, path, "round"), f.Date(r, path, "lastDay"), f.Text(r, path, "text"));
        }).ToList();
        var aggregating = f.NullableText(d, P, "aggregating");
        return new RawDecision(f.Text(d, P, "number"), f.Date(d, P, "date"), f.Text(d, P, "issuer"), f.Text(d, P, "signer"),
            f.Strings(d, P, "signerCapacity"), aggregating, aggregating is null ? 0 : f.Line(P + ".aggregating"), rounds)
        {
            Recipients = f.Strings(d, P, "recipients"),
        };
    }

    private static ScanReading? Scan(JsonFields f, JsonElement root, List<ScannedCell> cells)
    {
        const string P = "$.scan";
        var scan = root.GetProperty("scan");
        if (scan.ValueKind == JsonValueKind.Null)
        {
            return cells.Count == 0 ? null : throw f.Error(P, "cells given but \"scan\" is null (có ô quét nhưng thiếu mục \"scan\")");
        }

        f.Members(scan, P, ["threshold", "pages", "dpi", "cells"]);
        var threshold = f.Number(scan, P, "threshold", 0, 100);
        var pages = f.Int(scan, P, "pages");
        var dpi = f.Int(scan, P, "dpi");
        if (pages < 1 || dpi < 1)
        {
            throw f.Error(pages < 1 ? P + ".pages" : P + ".dpi", "must be a positive number (phải là số dương)");
        }

        cells.AddRange(Cells(f, scan, P));
        var ordered = cells.OrderBy(c => c.Page).ThenBy(c => c.Box.Y).ThenBy(c => c.Box.X).ToList();
        return new ScanReading(ordered, threshold, pages, dpi);
    }

    private static IEnumerable<ScannedCell> Cells(JsonFields f, JsonElement owner, string ownerPath) =>
        f.Items(owner, ownerPath, "cells").Select(item =>
        {
            var (c, path) = item;
            f.Members(c, path, CellMembers);
            var box = f.Object(c, path, "box");
            var boxPath = path + ".box";
            f.Members(box, boxPath, ["x", "y", "width", "height"]);
            return new ScannedCell(f.Int(c, path, "page"), f.Text(c, path, "row"), Column(f, c, path),
                new PixelBox(f.Int(box, boxPath, "x"), f.Int(box, boxPath, "y"), f.Int(box, boxPath, "width"),
                    f.Int(box, boxPath, "height")),
                f.Text(c, path, "text"), f.Number(c, path, "confidence", 0, 100))
            {
                Reviewed = f.Bool(c, path, "reviewed"),
            };
        }).ToList();

    private static ScannedColumn Column(JsonFields f, JsonElement cell, string path)
    {
        var code = f.String(cell, path, "column");
        foreach (var column in Enum.GetValues<ScannedColumn>())
        {
            if (DecisionJsonCopy.ColumnCode(column) == code)
            {
                return column;
            }
        }

        throw f.Error(path + ".column", $"unknown column \"{code}\" (expected number, title, lead, coordinating, time or text) " +
            "(cột không hợp lệ)");
    }

    /// <summary>Typed, located reads of a JSON copy's members; every refusal names file:line.</summary>
    private sealed class JsonFields(string file, JsonLines lines)
    {
        public int LineCount => lines.Count;

        public int Line(string path) => lines.Of(path);

        public InvalidInputException Error(string path, string reason) => new(file, lines.Of(path), reason);

        /// <summary>Refuses a value that is not an object, a missing member and an unknown one (a typo such as "reviewd").</summary>
        public void Members(JsonElement value, string path, IReadOnlyList<string> allowed)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, "expected an object (cần một đối tượng JSON)");
            }

            foreach (var member in value.EnumerateObject())
            {
                if (!allowed.Contains(member.Name, StringComparer.Ordinal))
                {
                    throw Error(path + "." + member.Name, $"unknown member \"{member.Name}\" (trường không hợp lệ)");
                }
            }

            foreach (var name in allowed)
            {
                if (!value.TryGetProperty(name, out _))
                {
                    throw Error(path, $"missing member \"{name}\" (thiếu trường \"{name}\")");
                }
            }
        }

        public JsonElement Object(JsonElement owner, string path, string name)
        {
            var v = owner.GetProperty(name);
            return v.ValueKind == JsonValueKind.Object
                ? v
                : throw Error(path + "." + name, $"\"{name}\" must be an object (phải là đối tượng)");
        }

        public IEnumerable<(JsonElement Item, string Path)> Items(JsonElement owner, string path, string name)
        {
            var v = owner.GetProperty(name);
            if (v.ValueKind != JsonValueKind.Array)
            {
                throw Error(path + "." + name, $"\"{name}\" must be an array (phải là mảng)");
            }

            return v.EnumerateArray().Select((item, i) => (item, string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{i}]")));
        }

        public string String(JsonElement owner, string path, string name)
        {
            var v = owner.GetProperty(name);
            return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Error(path + "." + name,
                $"\"{name}\" must be a string (phải là chuỗi)");
        }

        /// <summary>A text as the importers give it: NFC, whitespace normalised.</summary>
        public string Text(JsonElement owner, string path, string name) => VietnameseText.Normalize(String(owner, path, name));

        public string? NullableText(JsonElement owner, string path, string name) =>
            owner.GetProperty(name).ValueKind == JsonValueKind.Null ? null : Text(owner, path, name);

        public IReadOnlyList<string> Strings(JsonElement owner, string path, string name) =>
            [.. Items(owner, path, name).Select(x => x.Item.ValueKind == JsonValueKind.String
                ? VietnameseText.Normalize(x.Item.GetString()!)
                : throw Error(x.Path, "must be a string (phải là chuỗi)"))];

        public int Int(JsonElement owner, string path, string name)
        {
            var v = owner.GetProperty(name);
            return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : throw Error(path + "." + name,
                $"\"{name}\" must be a whole number (phải là số nguyên)");
        }

        public double Number(JsonElement owner, string path, string name, double min, double max)
        {
            var v = owner.GetProperty(name);
            if (v.ValueKind == JsonValueKind.Number && v.GetDouble() is var d && d >= min && d <= max)
            {
                return d;
            }

            throw Error(path + "." + name, string.Create(CultureInfo.InvariantCulture,
                $"\"{name}\" must be a number from {min} to {max} (phải là số từ {min} đến {max})"));
        }

        public bool Bool(JsonElement owner, string path, string name)
        {
            var v = owner.GetProperty(name);
            return v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw Error(path + "." + name,
                $"\"{name}\" must be true or false (phải là true hoặc false)");
        }

        public DateOnly Date(JsonElement owner, string path, string name) =>
            DateOnly.TryParseExact(String(owner, path, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw Error(path + "." + name, $"\"{name}\" must be a date yyyy-mm-dd (phải là ngày dạng yyyy-mm-dd)");
    }
}
