using DanVan365.Core.Units;
using static DanVan365.Documents.Catalogue.TextExtraction.TextPatterns;

namespace DanVan365.Documents.Catalogue.TextExtraction;

internal enum SplitFailureKind
{
    NoTimeFrame,
    BadTimeFrame,
    Units,
}

/// <summary>Why a row could not be split, with the line to point at.</summary>
internal sealed record SplitFailure(SplitFailureKind Kind, int Line, string Message);

/// <summary>Explains rows that do not split: the unit phrase that does not resolve and the closest directory name.</summary>
internal sealed class TextRowDiagnosis(UnitDirectory? units)
{
    private HashSet<string>? _unitStartWords;

    /// <summary>
    /// A title whose last line is short, starts like a unit name and is close to one is almost certainly a lead cell
    /// that did not resolve (e.g. a misspelt unit) — reading it as title text would assign the task to the wrong unit
    /// silently, so it is an error instead.
    /// </summary>
    public SplitFailure? LooksLikeUnitLine(List<NumberedLine> rest, int titleLines)
    {
        if (titleLines < 2 || units is null)
        {
            return null;
        }

        var last = rest[titleLines - 1].Text;
        var longest = rest.Take(titleLines).Max(l => l.Text.Length);
        var first = Words(last).FirstOrDefault() ?? string.Empty;
        if (last.Length == 0 || !char.IsUpper(last[0]) || last.Length * 10 > longest * 6 || !UnitStartWords().Contains(first))
        {
            return null;
        }

        var (name, distance) = units.ClosestName(last);
        return distance * 2 <= Math.Max(6, last.Length)
            ? new SplitFailure(SplitFailureKind.Units, rest[titleLines - 1].Number,
                $"lead unit phrase \"{last}\" is not in the unit directory (closest: \"{name}\")")
            : null;
    }

    /// <summary>Names the phrase that does not resolve (title | lead | coordinating already without a time frame).</summary>
    public SplitFailure Diagnose(List<NumberedLine> rest, Func<string, bool> resolves)
    {
        var m = rest.Count;
        if (m < 2)
        {
            return new SplitFailure(SplitFailureKind.Units, rest.Count > 0 ? rest[0].Number : 0,
                "no lead unit: the row has only a title and a time frame");
        }

        // a resolving lead followed by a coordinating cell that does not resolve
        for (var i = 1; i < m; i++)
        {
            for (var j = m - 1; j > i; j--)
            {
                var lead = CellText.Join(rest.Skip(i).Take(j - i).Select(l => l.Text));
                if (resolves(lead))
                {
                    if (units is null)
                    {
                        return new SplitFailure(SplitFailureKind.Units, rest[j].Number,
                            $"coordinating cell \"{CellText.Join(rest.Skip(j).Select(l => l.Text))}\" does not read as names of bodies");
                    }

                    var r = units.Resolve(CellText.Join(rest.Skip(j).Select(l => l.Text)));
                    return new SplitFailure(SplitFailureKind.Units, rest[j].Number,
                        $"coordinating unit phrase \"{r.Unresolved}\" is not in the unit directory (closest: \"{r.ClosestAlias}\")");
                }
            }
        }

        // otherwise the lead: guess it starts at the last line that begins like a unit name
        var starts = UnitStartWords();
        var at = Enumerable.Range(1,
            m - 1).LastOrDefault(k => starts.Contains(Words(rest[k].Text).FirstOrDefault() ?? string.Empty)
            && char.IsUpper(rest[k].Text[0]));
        at = at == 0 ? m - 1 : at;
        var phrase = CellText.Join(rest.Skip(at).Select(l => l.Text));
        if (units is null)
        {
            return new SplitFailure(SplitFailureKind.Units, rest[at].Number,
                $"no lead cell found: \"{phrase}\" does not read as names of bodies");
        }

        var res = units.Resolve(phrase);
        return new SplitFailure(SplitFailureKind.Units, rest[at].Number,
            $"unit phrase \"{res.Unresolved ?? phrase}\" is not in the unit directory (closest: \"{res.ClosestAlias}\")");
    }

    private HashSet<string> UnitStartWords() =>
        _unitStartWords ??= (units?.KnownNames().Select(n => n.Name) ?? []).Select(n => Words(n).FirstOrDefault()).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
}
