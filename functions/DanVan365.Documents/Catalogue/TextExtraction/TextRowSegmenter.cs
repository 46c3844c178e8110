using System.Globalization;
using DanVan365.Core.Errors;
using DanVan365.Core.Text;
using static DanVan365.Documents.Catalogue.TextExtraction.TextPatterns;

namespace DanVan365.Documents.Catalogue.TextExtraction;

/// <summary>A row of the table as segmented: its code and its lines, one fragment per page it appears on.</summary>
internal sealed class TextRow
{
    public required string Kind { get; init; } // "section" | "task" | "sub"

    public required string Code { get; init; }

    public required string Section { get; init; }

    public string? Parent { get; init; }

    public int Line { get; init; }

    public List<List<NumberedLine>> Fragments { get; } = [[]];

    public IEnumerable<NumberedLine> AllLines => Fragments.SelectMany(f => f);
}

/// <summary>
/// Cuts the table body into rows. Rows start at the next expected code only: section N+1 (followed by upper-case
/// title), a later task of the section N.m (m above the last one: a re-issued decision may skip removed numbers),
/// or a later sub-item letter with its separator — so a title line such as "2021 - 2030." never starts a row.
/// Repeated page headers are removed and mark a page break (a new fragment); footnote blocks go to
/// <see cref="TextFootnotes"/>.
/// </summary>
internal sealed class TextRowSegmenter(string file, IReadOnlyList<NumberedLine> lines, TextTableLocator locator,
    IReadOnlyList<string> headerWords, TextFootnotes footnotes)
{
    public List<TextRow> Segment(int start, int end)
    {
        var rows = new List<TextRow>();
        TextRow? current = null;
        int section = 0, task = 0, sub = -1;
        var footnoteMode = false;
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            var text = VietnameseText.Normalize(line.Text);
            var headerEnd = locator.HeaderEndAt(i, end, headerWords);
            if (headerEnd > 0)
            {
                footnoteMode = false;
                if (current is not null && current.Fragments[^1].Count > 0)
                {
                    current.Fragments.Add([]);
                }

                i = headerEnd - 1;
                continue;
            }

            if (text.Length == 0)
            {
                if (line.Text.Length >= 10 && current is not null)
                {
                    footnoteMode = true;
                }

                continue;
            }

            if (SeparatorRegex().IsMatch(text))
            {
                footnoteMode = true;
                continue;
            }

            if (footnoteMode)
            {
                if (footnotes.AddLine(text))
                {
                    continue;
                }

                footnoteMode = false;
            }

            var next = NextRow(text, i, end, ref section, ref task, ref sub, out var rest);
            if (next is not null)
            {
                rows.Add(next);
                current = next;
                if (rest.Length > 0)
                {
                    current.Fragments[^1].Add(new NumberedLine(line.Number, rest));
                }

                continue;
            }

            if (LoneCodeRegex().IsMatch(text))
            {
                var lone = text.TrimEnd('.');
                var first = rows.FirstOrDefault(r => r.Code == lone);
                var expected = string.Create(CultureInfo.InvariantCulture, $"{section}.{task + 1}");
                throw new InvalidInputException(file, line.Number, first is not null
                    ? $"duplicate task code {lone} (first at line {first.Line.ToString(CultureInfo.InvariantCulture)})"
                    : $"task code {lone} is out of sequence (expected {expected} or section " +
                        $"{(section + 1).ToString(CultureInfo.InvariantCulture)})");
            }

            if (current is null)
            {
                if (ColumnNumbersRegex().IsMatch(text))
                {
                    continue;
                }

                throw new InvalidInputException(file, line.Number,
                    $"unexpected text before the first section of the table: \"{Shorten(text)}\" (expected section \"1\")");
            }

            current.Fragments[^1].Add(line with { Text = text });
        }

        foreach (var row in rows)
        {
            row.Fragments.RemoveAll(f => f.Count == 0);
        }

        return rows;
    }

    // The row this line starts, or null when it continues the current one.
    private TextRow? NextRow(string text, int i, int end, ref int section, ref int task, ref int sub, out string rest)
    {
        var m = CodeRegex().Match(text);
        rest = m.Groups["rest"].Value;
        if (!m.Success)
        {
            return null;
        }

        var code = m.Groups["code"].Value;
        var sectionCode = section.ToString(CultureInfo.InvariantCulture);
        if (code == (section + 1).ToString(CultureInfo.InvariantCulture) && (rest.Length > 0 ? IsUpper(rest) : NextIsUpper(i + 1, end)))
        {
            section++;
            task = 0;
            sub = -1;
            return new TextRow { Kind = "section", Code = code, Section = code, Line = lines[i].Number };
        }

        if (section > 0 && TaskNumber(code, sectionCode) is { } number && number > task)
        {
            task = number;
            sub = -1;
            return new TextRow { Kind = "task", Code = code, Section = sectionCode, Line = lines[i].Number };
        }

        var letter = code.Length == 1 ? SubItemLetters.IndexOf(code[0], StringComparison.Ordinal) : -1;
        var nextLetter = letter == sub + 1;
        if (task > 0 && letter > sub && (nextLetter ? rest.Length == 0 || m.Groups["sep"].Success : m.Groups["sep"].Success))
        {
            sub = letter;
            var parent = string.Create(CultureInfo.InvariantCulture, $"{section}.{task}");
            return new TextRow { Kind = "sub", Code = parent + "." + code, Section = sectionCode, Parent = parent, Line = lines[i].Number };
        }

        return null;
    }

    private static int? TaskNumber(string code, string section)
    {
        var prefix = section + ".";
        return code.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(code.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : null;
    }

    private bool NextIsUpper(int from, int end)
    {
        for (var k = from; k < end; k++)
        {
            var t = VietnameseText.Normalize(lines[k].Text);
            if (t.Length > 0)
            {
                return IsUpper(t);
            }
        }

        return false;
    }
}
