using DanVan365.Core.Errors;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Core.Catalogue;

/// <summary>
/// Turns what an importer read into a validated <see cref="TaskCatalogue"/>: time frames parsed (docs/architecture.md "Time frames"),
/// lead and coordinating cells resolved through the unit directory, the whole catalogue validated.
/// Every failure is an <see cref="InvalidInputException"/> naming file and line; nothing is guessed.
/// </summary>
public static class CatalogueAssembler
{
    /// <summary>Why a decision without its annex line (number and date) is refused, by the readers and the assembly.</summary>
    public const string MissingNumber =
        "decision number and date not found (expected \"(Ban hành kèm theo Quyết định số N/QĐ-… ngày D/M/YYYY …)\" above the " +
        "table) (không tìm thấy số và ngày của quyết định)";

    public static TaskCatalogue Assemble(RawCatalogue raw, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(units);
        var file = raw.File;

        var duplicate = raw.Entries.GroupBy(e => e.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var second = duplicate.Skip(1).First();
            throw new InvalidInputException(file, second.Line,
                $"duplicate task code {second.Code} (first at line " +
                $"{duplicate.First().Line.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }

        var d = raw.Decision;
        if (d.Number.Length == 0)
        {
            // a scan of the table alone (the scan reader reads it without the annex line, so it can be reviewed)
            throw new InvalidInputException(file, 0, MissingNumber);
        }

        var aggregating = string.Empty;
        if (d.AggregatingPhrase is not null)
        {
            aggregating = Resolve(units, d.AggregatingPhrase, file, d.AggregatingLine, "II",
                "aggregating").Units.FirstOrDefault() ?? string.Empty;
        }

        var tasks = new List<CatalogueTask>();
        foreach (var e in raw.Entries)
        {
            var hasChildren = raw.Entries.Any(c => c.Parent == e.Code);
            if (e.TimeText is null)
            {
                if (hasChildren && e.LeadText.Length == 0)
                {
                    tasks.Add(new CatalogueTask(e.Code, e.Section, e.Parent, e.Title, UnitReference.Empty, UnitReference.Empty, null,
                        e.Footnotes));
                    continue;
                }

                throw new InvalidInputException(file, e.Line, $"task {e.Code} has no time frame");
            }

            var timeFrame = TimeFrameParser.Parse(e.TimeText, file, e.TimeLine);
            if (e.LeadText.Length == 0)
            {
                throw new InvalidInputException(file, e.Line, $"task {e.Code} has no lead unit");
            }

            var lead = Resolve(units, e.LeadText, file, e.LeadLine, e.Code, "lead");
            var coordinating = e.CoordinatingText.Length == 0
                ? UnitReference.Empty
                : WithoutLead(Resolve(units, e.CoordinatingText, file, e.CoordinatingLine, e.Code, "coordinating"), lead);
            tasks.Add(new CatalogueTask(e.Code, e.Section, e.Parent, e.Title, lead, coordinating, timeFrame, e.Footnotes)
            {
                FollowUp = TaskOwners.FollowUpOf(lead, coordinating, aggregating, units),
            });
        }

        var decision = new Decision(d.Number, d.Date, d.Issuer, d.Signer, d.SignerCapacity, aggregating, d.ReportingRounds)
        {
            Recipients = d.Recipients,
        };
        var catalogue = new TaskCatalogue(decision, raw.Sections.Select(s => new Section(s.Code, s.Title)).ToList(), tasks, raw.Footnotes);
        var problems = CatalogueValidator.Validate(catalogue);
        if (problems.Count > 0)
        {
            var p = problems[0];
            var line = p.Index >= 0 ? raw.Entries[p.Index].Line : raw.LastLine;
            throw new InvalidInputException(file, line, p.Message);
        }

        return catalogue with { Warnings = NumberingGaps.Find(raw), Genre = raw.Genre, Scan = raw.Scan };
    }

    private static UnitReference Resolve(UnitDirectory units, string text, string file, int line, string code, string role)
    {
        var normalised = VietnameseText.Normalize(text);
        var r = units.Resolve(normalised);
        if (!r.IsResolved)
        {
            throw new InvalidInputException(file, line,
                $"task {code}: {role} unit phrase \"{r.Unresolved}\" is not in the unit directory (closest: \"{r.ClosestAlias}\") " +
                $"(cụm từ \"{r.Unresolved}\" không có trong danh mục đơn vị)");
        }

        var followUp = r.Clauses.Where(c => c.FollowsUp)
            .SelectMany(c => c.Units.Select(u => new FollowUp(u, c.Roles.First(units.Rules.IsFollowUp))))
            .DistinctBy(f => f.UnitCode, StringComparer.Ordinal).ToList();
        return new UnitReference(normalised, r.Units) { FollowUp = followUp };
    }

    // A unit that leads a task is never among its coordinating units (a group phrase such as "Các phòng, đơn vị trực thuộc
    // phường" names the lead too); the cell's text is kept as written (docs/architecture.md "Text").
    private static UnitReference WithoutLead(UnitReference coordinating, UnitReference lead) => coordinating with
    {
        Units = coordinating.Units.Where(u => !lead.Units.Contains(u, StringComparer.Ordinal)).ToList(),
        FollowUp = coordinating.FollowUp.Where(f => !lead.Units.Contains(f.UnitCode, StringComparer.Ordinal)).ToList(),
    };
}
