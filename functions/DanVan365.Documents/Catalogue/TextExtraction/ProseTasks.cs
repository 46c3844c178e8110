using System.Text.RegularExpressions;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;

namespace DanVan365.Documents.Catalogue.TextExtraction;

/// <summary>The tasks a plan writes as paragraphs, as read: sections, entries, and the line range of the parts holding them.</summary>
internal sealed record ProseTaskList(List<RawSection> Sections, List<RawEntry> Entries, int FirstLine, int LastLine);

/// <summary>
/// Reads the tasks out of a plan's paragraphs (<see cref="ProseBlocks"/>). A part ("II. …") holds tasks when one of its
/// numbered paragraphs is followed by a "Cơ quan chủ trì: …" line or carries the running form "giao &lt;đơn vị&gt; chủ trì[,
/// phối hợp với &lt;đơn vị&gt;] thực hiện[; thời gian: …]". In such a part "N." paragraphs that are not tasks are sections,
/// "N.m." are tasks (or parents of sub-items "a)", "b)"), and a task without a lead unit is refused. "N." tasks directly under
/// a part "II." belong to the part as their section, coded "II.N".
/// </summary>
internal static partial class ProseTasks
{
    private sealed record Item(ProseBlock Block, Dictionary<string, ProseBlock> Attributes, Match? Running)
    {
        public bool IsTask => Attributes.ContainsKey("lead") || Running is not null;
    }

    public static ProseTaskList Read(string file, List<ProseBlock> blocks, IReadOnlySet<string> marks)
    {
        var sections = new List<RawSection>();
        var entries = new List<RawEntry>();
        int first = 0, last = 0;
        foreach (var part in Parts(blocks))
        {
            var items = Items(file, part.Blocks);
            if (!items.Any(i => i.IsTask))
            {
                continue;
            }

            first = first == 0 ? part.Blocks[0].Line : first;
            last = part.Blocks[^1].Lines[^1].Number;
            ReadPart(file, part.Heading, items, marks, sections, entries);
        }

        return new ProseTaskList(sections, entries, first, last);
    }

    private static void ReadPart(string file, ProseBlock? heading, List<Item> items, IReadOnlySet<string> marks, List<RawSection> sections,
        List<RawEntry> entries)
    {
        string? section = null, lastTask = null;
        for (var k = 0; k < items.Count; k++)
        {
            var item = items[k];
            var b = item.Block;
            var hasSubItems = k + 1 < items.Count && items[k + 1].Block.Kind == ProseBlockKind.SubItem;
            if (b.Kind == ProseBlockKind.Numbered && !b.Code.Contains('.', StringComparison.Ordinal) && !item.IsTask && !hasSubItems)
            {
                section = b.Code;
                sections.Add(new RawSection(section, b.Text, b.Line));
                continue;
            }

            string code, sectionCode;
            string? parent = null;
            if (b.Kind == ProseBlockKind.SubItem)
            {
                if (lastTask is null)
                {
                    throw new InvalidInputException(file, b.Line,
                        $"sub-item \"{b.Code})\" comes before any numbered task (mục \"{b.Code})\" đứng trước mọi nhiệm vụ có số thứ tự)");
                }

                parent = lastTask;
                code = lastTask + "." + b.Code;
                sectionCode = entries[^1].Section;
            }
            else if (b.Code.Contains('.', StringComparison.Ordinal))
            {
                code = b.Code;
                sectionCode = b.Code.Split('.')[0];
                lastTask = code;
            }
            else
            {
                // a task numbered "N." directly under a part: the part is its section and prefixes its code ("II.1"), so the
                // code is unique in the plan and reads as the section's N-th task like "2.1" does
                sectionCode = heading?.Code ?? "I";
                if (sections.All(s => s.Code != sectionCode))
                {
                    sections.Add(new RawSection(sectionCode, heading?.Text ?? string.Empty, heading?.Line ?? b.Line));
                }

                code = sectionCode + "." + b.Code;
                lastTask = code;
            }

            entries.Add(Entry(file, item, code, sectionCode, parent, hasSubItems, marks));
        }
    }

    private static RawEntry Entry(string file, Item item, string code, string section, string? parent, bool hasSubItems,
        IReadOnlySet<string> marks)
    {
        var b = item.Block;
        var found = new List<string>();
        if (!item.IsTask)
        {
            if (hasSubItems)
            {
                var heading = CellText.StripFootnoteMarks(b.Text, marks, found);
                return new RawEntry(code, section, parent, heading, string.Empty, string.Empty, null, found, b.Line, b.Line, b.Line,
                    b.Line);
            }

            throw new InvalidInputException(file, b.Line,
                $"task {code} has no lead unit: expected a line \"Cơ quan chủ trì: …\" below it or \"giao <unit> chủ trì …\" in it " +
                $"(nhiệm vụ {code} chưa có cơ quan chủ trì)");
        }

        var title = b.Text;
        string lead = string.Empty, coordinating = string.Empty;
        string? time = null;
        int leadLine = b.Line, coordinatingLine = b.Line, timeLine = b.Line;
        if (item.Running is { } m)
        {
            title = title[..m.Index].TrimEnd(' ', ',', ';', ':');
            lead = Value(m.Groups["lead"].Value);
            leadLine = LineAt(b, m.Groups["lead"].Index);
            coordinating = Value(m.Groups["coord"].Value);
            coordinatingLine = LineAt(b, m.Groups["coord"].Index);
            if (m.Groups["time"].Success)
            {
                time = Value(m.Groups["time"].Value);
                timeLine = LineAt(b, m.Groups["time"].Index);
            }
        }

        Take(item, "lead", ref lead, ref leadLine);
        Take(item, "coordinating", ref coordinating, ref coordinatingLine);
        var timeText = time ?? string.Empty;
        Take(item, "time", ref timeText, ref timeLine);
        title = CellText.StripFootnoteMarks(title, marks, found);
        if (lead.Length == 0)
        {
            throw new InvalidInputException(file, leadLine,
                $"task {code}: the lead unit is empty (\"Cơ quan chủ trì:\" không ghi cơ quan nào)");
        }

        return new RawEntry(code, section, parent, title, lead, coordinating, timeText.Length == 0 ? null : timeText, found, b.Line,
            leadLine, coordinatingLine, timeLine);
    }

    private static void Take(Item item, string key, ref string value, ref int line)
    {
        if (item.Attributes.TryGetValue(key, out var a))
        {
            value = Value(a.Text);
            line = a.Line;
        }
    }

    // The end of the sentence is not part of the value; a ";" or "," the writer put there is kept as written.
    private static string Value(string text)
    {
        var value = CellText.Join([text]);
        return value.EndsWith('.') && !value.EndsWith("..", StringComparison.Ordinal) ? value[..^1].TrimEnd() : value;
    }

    private static int LineAt(ProseBlock b, int offset)
    {
        var at = 0;
        foreach (var l in b.Lines)
        {
            at += l.Text.Length + 1;
            if (offset < at)
            {
                return l.Number;
            }
        }

        return b.Lines[^1].Number;
    }

    private static List<Item> Items(string file, List<ProseBlock> blocks)
    {
        var items = new List<Item>();
        foreach (var b in blocks)
        {
            if (b.Kind is ProseBlockKind.Numbered or ProseBlockKind.SubItem)
            {
                items.Add(new Item(b, [], Running(b.Text)));
            }
            else if (b.Kind == ProseBlockKind.Attribute && items.Count > 0 && !items[^1].Attributes.TryAdd(b.Code, b))
            {
                throw new InvalidInputException(file, b.Line,
                    $"a second \"{AttributeName(b.Code)}\" line for the same task (dòng \"{AttributeName(b.Code)}\" bị lặp)");
            }
        }

        return items;
    }

    private static string AttributeName(string code) =>
        code switch { "lead" => "Cơ quan chủ trì", "coordinating" => "Cơ quan phối hợp", _ => "Thời gian thực hiện" };

    private static Match? Running(string text)
    {
        var m = RunningRegex().Match(text);
        return m.Success ? m : null;
    }

    private static IEnumerable<(ProseBlock? Heading, List<ProseBlock> Blocks)> Parts(List<ProseBlock> blocks)
    {
        ProseBlock? heading = null;
        var current = new List<ProseBlock>();
        foreach (var b in blocks)
        {
            if (b.Kind == ProseBlockKind.Part)
            {
                if (current.Count > 0)
                {
                    yield return (heading, current);
                }

                heading = b;
                current = [];
                continue;
            }

            current.Add(b);
        }

        if (current.Count > 0)
        {
            yield return (heading, current);
        }
    }

    [GeneratedRegex(@"(?:^|(?<=[\.;,:…”""]\s?)\s*)[Gg]iao\s+(?<lead>.+?)\s+chủ trì(?:\s*,\s*phối hợp với\s+(?<coord>.+?))?" +
        @"\s+(?:tổ chức |triển khai )?thực hiện(?:\s*[;,\.]\s*(?:[Tt]hời gian(?: thực hiện| hoàn thành)?\s*:\s*(?<time>.+?)))?\s*[\.;]?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex RunningRegex();
}
