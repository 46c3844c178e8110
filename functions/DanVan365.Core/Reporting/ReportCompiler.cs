using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>Builds the compiled report model from the catalogue, task statuses and the units' submissions (pure, deterministic).</summary>
public static class ReportCompiler
{
    /// <summary>
    /// Compiles one round.
    /// <para>Status of a task with a deadline: <paramref name="statuses"/> (from Phân công) when given; otherwise the
    /// lead units' reported words, the least advanced one (<see cref="StatusCategories.LeastAdvanced"/>). A completed status
    /// stands; any other (or none) is an open task, also judged by <see cref="StatusRules.Categorise(DateOnly?, DateOnly?, DateOnly)"/> on
    /// <paramref name="date"/> against the task's (effective) last day, and the less advanced of the two counts (so an
    /// open task past its last day is overdue; nothing known and not past it: in progress on time).</para>
    /// <para>Submissions of other rounds are ignored; of several submissions by one unit the last one counts; rows whose
    /// code is not a work item of this catalogue are ignored.</para>
    /// </summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="statuses">Status category per task code (may be empty).</param>
    /// <param name="submissions">Accepted submissions.</param>
    /// <param name="units">Unit directory (names).</param>
    /// <param name="round">The round.</param>
    /// <param name="date">The report's date (the clock's ward date); the year-end round's open tasks are judged on its data
    /// cut-off when that is earlier (<see cref="ReportRound.DataCutOff"/>).</param>
    /// <param name="ward">Who issues it and how it closes (default: <see cref="WardIdentity.From"/> the catalogue's decision).</param>
    /// <param name="extensions">Approved extensions by task code: the task is judged against the effective last day and
    /// the report says "gia hạn đến D theo ý kiến của …" beside the decision's date (body and appendix).</param>
    public static CompiledReport Compile(
        TaskCatalogue catalogue,
        IReadOnlyDictionary<string, StatusCategory> statuses,
        IEnumerable<Submission> submissions,
        UnitDirectory units,
        ReportRound round,
        DateOnly date,
        WardIdentity? ward = null,
        IReadOnlyDictionary<string, ReportExtension>? extensions = null)
    {
        extensions ??= new Dictionary<string, ReportExtension>();
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(round);
        ward ??= WardIdentity.From(catalogue.Decision, units: units);
        // The year-end round judges open tasks on its data cut-off (when the report is dated after it).
        var judged = round.DataCutOff is { } cut && cut < date ? cut : date;

        var expected = ReportPlanner.ExpectedUnits(catalogue);
        var required = ReportPlanner.RequiredUnits(catalogue, units);
        var optional = ReportPlanner.OptionalUnits(catalogue, units);
        var unitOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in expected)
        {
            unitOrder[code] = unitOrder.Count;
        }

        // Last submission per unit for this round; rows by code.
        var byUnit = new Dictionary<string, Dictionary<string, SubmissionRow>>(StringComparer.Ordinal);
        foreach (var submission in submissions)
        {
            if (submission.Round != round.Number)
            {
                continue;
            }

            var rows = new Dictionary<string, SubmissionRow>(StringComparer.Ordinal);
            foreach (var row in submission.Rows)
            {
                if (row.HasContent)
                {
                    rows[VietnameseText.Nfc(row.Code)] = row;
                }
            }

            byUnit[submission.UnitCode] = rows;
        }

        var submitters = byUnit.Keys
            .OrderBy(code => unitOrder.TryGetValue(code, out var i) ? i : int.MaxValue)
            .ThenBy(code => code, StringComparer.Ordinal)
            .ToList();
        string Name(string code) => ReportPlanner.UnitName(units, code);

        var entries = new List<ReportTaskEntry>();
        foreach (var task in catalogue.Tasks)
        {
            var extension = extensions.GetValueOrDefault(VietnameseText.Nfc(task.Code));
            entries.Add(BuildEntry(task, statuses, byUnit, submitters, Name, units.IsAssigned, judged, extension?.LastDay) with
            {
                Extension = task.IsHeading ? null : extension?.Text,
            });
        }

        var sections = new List<ReportSection>();
        var sectionCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in catalogue.Sections)
        {
            sectionCodes.Add(section.Code);
            sections.Add(new ReportSection(section.Code, VietnameseText.Nfc(section.Title),
                entries.Where((e, i) => string.Equals(catalogue.Tasks[i].Section, section.Code, StringComparison.Ordinal)).ToList()));
        }

        var orphans = entries.Where((e, i) => !sectionCodes.Contains(catalogue.Tasks[i].Section)).ToList();
        if (orphans.Count > 0)
        {
            sections.Add(new ReportSection(string.Empty, string.Empty, orphans));
        }

        var work = entries.Where(e => !e.IsHeading).ToList();
        var byCategory = StatusCategories.All
            .Select(c => new KeyValuePair<StatusCategory, int>(c, work.Count(e => e.Status.Category == c)))
            .ToList();
        var withDeadline = work.Where(e => e.Status.Category is not null).ToList();
        var reported = expected.Where(u => byUnit.TryGetValue(u, out var rows) && rows.Count > 0).ToHashSet(StringComparer.Ordinal);
        List<UnitName> Named(IEnumerable<string> codes) => codes.Select(u => new UnitName(u, Name(u))).ToList();
        var figures = new ReportFigures(
            work.Count,
            byCategory,
            work.Count(e => e.Status.Ongoing && e.Status.Reported),
            work.Count(e => e.Status.Ongoing && !e.Status.Reported),
            withDeadline.Count(e => e.Status.Category!.Value.IsOnTime()),
            withDeadline.Count,
            Named(required),
            Named(required.Where(reported.Contains)),
            Named(required.Where(u => !reported.Contains(u))))
        {
            OptionalUnits = Named(optional),
            OptionalReported = Named(optional.Where(reported.Contains)),
        };

        var taskOrder = catalogue.Tasks.Select((t, i) => (t.Code, i)).GroupBy(p => p.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        IReadOnlyList<ReportRemark> Remarks(Func<SubmissionRow, string> pick) => ReportRemarks.Merge(
            submitters.SelectMany(unit => byUnit[unit].Values
                .Where(row => taskOrder.ContainsKey(row.Code) && pick(row).Length > 0)
                .OrderBy(row => taskOrder[row.Code])
                .Select(row => (new UnitName(unit, Name(unit)), row.Code, pick(row)))));

        var appendix = entries.Select(e => new AppendixRow(
            e.Code,
            e.Title,
            string.Join("; ", e.LeadUnits),
            e.TimeFrame,
            e.LastDay,
            e.Status.Label,
            e.Status.Reported)
        { Extension = e.Extension }).ToList();

        return new CompiledReport(
            ward,
            catalogue.Decision,
            round,
            catalogue.Decision.Date.Year,
            date,
            CatalogueVersion.Compute(catalogue),
            sections,
            figures,
            Remarks(r => r.Difficulties),
            Remarks(r => r.Proposals),
            appendix)
        {
            Partners = ReportRemarks.Partners(submitters.Where(u => !units.IsAssigned(u)), byUnit, catalogue, Name),
        };
    }

    private static ReportTaskEntry BuildEntry(
        CatalogueTask task,
        IReadOnlyDictionary<string, StatusCategory> statuses,
        Dictionary<string, Dictionary<string, SubmissionRow>> byUnit,
        List<string> submitters,
        Func<string, string> name,
        Func<string, bool> assigned,
        DateOnly date,
        DateOnly? effectiveLastDay)
    {
        var code = VietnameseText.Nfc(task.Code);
        var title = VietnameseText.Nfc(task.Title);
        var depth = task.Parent is null ? 0 : 1;
        if (task.IsHeading)
        {
            return new ReportTaskEntry(code, title, true, depth, [], string.Empty, null, new TaskStatusView(null, false, false), []);
        }

        var contributions = new List<UnitContribution>();
        var partners = new List<string>();
        var added = new HashSet<string>(StringComparer.Ordinal);
        // Deliberately narrower than "reported" (RoundReports): the body quotes a unit's result and status only; a row with
        // only difficulties or proposals is still reported and goes to the remarks (parts III and IV). A requested unit's
        // result is shown apart ("Các cơ quan, tổ chức phối hợp", CompiledReport.Partners); the task only names it.
        void Add(string unit, TaskRole role)
        {
            if (!added.Contains(unit) && byUnit.TryGetValue(unit, out var rows) && rows.TryGetValue(code, out var row)
                && (row.Result.Length > 0 || row.Status is not null))
            {
                added.Add(unit);
                if (assigned(unit))
                {
                    contributions.Add(new UnitContribution(unit, name(unit), role, row.Result, row.Status));
                }
                else
                {
                    partners.Add(name(unit));
                }
            }
        }

        // The units that answer for the task: its lead units and the unit that follows up a lead nobody assigns.
        var holders = task.Holders.Distinct(StringComparer.Ordinal).ToList();
        foreach (var unit in holders)
        {
            Add(unit, TaskRole.Lead);
        }

        foreach (var unit in task.Coordinating.Units)
        {
            Add(unit, TaskRole.Coordinating);
        }

        foreach (var unit in submitters)
        {
            Add(unit, TaskRole.Coordinating);
        }

        var leadReports = holders
            .Select(u => byUnit.TryGetValue(u, out var rows) && rows.TryGetValue(code, out var row) ? row : null)
            .Where(r => r is not null)
            .Select(r => r!)
            .ToList();
        var reported = holders.Count > 0
            ? leadReports.Count > 0
            : byUnit.Values.Any(rows => rows.ContainsKey(code));

        var frame = task.TimeFrame;
        var ongoing = frame is null || frame.Kind == TimeFrameKind.Ongoing || frame.LastDay is null;
        StatusCategory? category = null;
        if (!ongoing)
        {
            // What is known (Phân công, else the lead units' least advanced word) says whether the task is done. An open
            // task is also judged by the status rules on the report's date against the task's last day, and the less
            // advanced answer counts: a task is never "on time" past its last day, and Phân công's "overdue" of one lead
            // unit stays overdue when another's extension moved the task's day.
            var known = statuses.TryGetValue(code, out var given)
                ? given
                : StatusCategories.LeastAdvanced(leadReports.Select(r => r.Status).OfType<StatusCategory>());
            var byDate = StatusRules.Categorise(frame!.Kind, effectiveLastDay ?? frame.LastDay!.Value, completedOn: null, date)!.Value;
            category = known is { } done && done.IsCompleted()
                ? done
                : StatusCategories.LeastAdvanced(known is { } open ? [open, byDate] : [byDate]);
        }

        var leads = task.Lead.Units.Count > 0
            ? task.Lead.Units.Select(name).ToList()
            : task.Lead.Text.Length > 0 ? [VietnameseText.Nfc(task.Lead.Text)] : new List<string>();
        if (task.FollowUp is { } followUp)
        {
            leads.Add($"{name(followUp.UnitCode)} ({VietnameseText.Nfc(followUp.Role)})");
        }

        return new ReportTaskEntry(
            code,
            title,
            false,
            depth,
            leads,
            VietnameseText.Nfc(frame?.Text ?? string.Empty),
            frame?.LastDay,
            new TaskStatusView(category, ongoing, reported),
            contributions)
        {
            PartnerUnits = partners,
        };
    }
}
