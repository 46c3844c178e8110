using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;

namespace DanVan365.Core.Proposals;

/// <summary>
/// A cell of the draft annex: what the decision says (<see cref="Old"/>) and what it would say (<see cref="New"/>).
/// Equal: unchanged, written plain. Different: the old text struck through, the new one marked. Old null: added.
/// New null: dropped (struck through).
/// </summary>
public sealed record DraftCell(string? Old, string? New)
{
    public static DraftCell Same(string text) => new(text, text);

    public bool IsChanged => !string.Equals(Old, New, StringComparison.Ordinal);
}

/// <summary>One row of the draft annex: the task's cells as in the decision's table, plus "Nội dung điều chỉnh".</summary>
/// <param name="Number">"TT": the task code, or "Bổ sung 1", "Bổ sung 2" … for new tasks.</param>
/// <param name="Task">Nhiệm vụ.</param>
/// <param name="Lead">Cơ quan chủ trì.</param>
/// <param name="Coordinating">Cơ quan phối hợp.</param>
/// <param name="TimeFrame">Thời gian thực hiện.</param>
/// <param name="Changes">Nội dung điều chỉnh: one line per approved proposal, e.g. "Gia hạn đến 30/06/2026 (DX-2026-0001, Văn phòng
/// …)".</param>
/// <param name="ProposalIds">The proposals the row carries out.</param>
public sealed record AmendmentDraftRow(
    string Number,
    DraftCell Task,
    DraftCell Lead,
    DraftCell Coordinating,
    DraftCell TimeFrame,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string> ProposalIds)
{
    /// <summary>A dropped task (Bãi bỏ): every cell struck through.</summary>
    public bool IsRemoved => Task.New is null;

    /// <summary>A new task (Bổ sung).</summary>
    public bool IsAdded => Task.Old is null;
}

/// <summary>The draft annex of an amending decision: the decision it amends and the rows, in catalogue order, new tasks last.</summary>
public sealed record AmendmentDraft(Decision Amends, string Issuer, IReadOnlyList<AmendmentDraftRow> Rows);

/// <summary>
/// Builds the draft annex (pure) from the approved proposals not yet carried out: one row per task concerned (all its
/// approved proposals applied together: Gia hạn changes the time frame to "Hoàn thành trước {last day + 1}", following
/// docs/architecture.md "Time frames" backwards; Sửa nội dung the task text; Bãi bỏ strikes the whole row), one row per new task
/// (Bổ sung: led by the proposing unit).
/// </summary>
public static class AmendmentDraftBuilder
{
    public static AmendmentDraft Build(TaskCatalogue catalogue, IEnumerable<Proposal> proposals, ProposalAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(authority);
        var approved = proposals
            .Where(p => p.State == ProposalState.Approved && !p.IsClosed)
            .OrderBy(p => p.DecidedOn ?? DateOnly.MinValue).ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var rows = new List<AmendmentDraftRow>();
        foreach (var task in catalogue.Tasks)
        {
            var ofTask = approved.Where(p => p.TaskCode == task.Code && p.Kind != ProposalKind.Add).ToList();
            if (ofTask.Count > 0)
            {
                rows.Add(TaskRow(task, ofTask, authority));
            }
        }

        var added = 0;
        foreach (var p in approved.Where(p => p.Kind == ProposalKind.Add && p.ProposedText is not null))
        {
            added++;
            var unit = authority.Units.Find(p.UnitCode)?.Name ?? p.UnitCode;
            rows.Add(new AmendmentDraftRow(
                "Bổ sung " + added.ToString(CultureInfo.InvariantCulture),
                new DraftCell(null, p.ProposedText),
                new DraftCell(null, unit),
                new DraftCell(null, null),
                new DraftCell(null, p.ProposedLastDay is { } d ? BeforeText(d) : null),
                [Line(p, authority, "Bổ sung nhiệm vụ")],
                [p.Id]));
        }

        return new AmendmentDraft(catalogue.Decision, VietnameseText.Normalize(catalogue.Decision.Issuer), rows);
    }

    /// <summary>"Hoàn thành trước 1/7/2026" for a last day of 30/06/2026 (docs/architecture.md "Time frames": "trước D" → D − 1).</summary>
    public static string BeforeText(DateOnly lastDay) => "Hoàn thành trước " + VietnameseText.ShortDate(lastDay.AddDays(1));

    private static AmendmentDraftRow TaskRow(CatalogueTask task, List<Proposal> ofTask, ProposalAuthority authority)
    {
        var title = VietnameseText.Normalize(task.Title);
        var time = VietnameseText.Normalize(task.TimeFrame?.Text);
        var newTitle = title;
        var newTime = time;
        var removed = false;
        var changes = new List<string>();
        foreach (var p in ofTask)
        {
            switch (p.Kind)
            {
                case ProposalKind.Extend when p.ProposedLastDay is { } d:
                    newTime = BeforeText(d);
                    changes.Add(Line(p, authority, "Gia hạn đến " + VietnameseText.PaddedDate(d)));
                    break;
                case ProposalKind.Change when p.ProposedText is not null:
                    newTitle = VietnameseText.Normalize(p.ProposedText);
                    changes.Add(Line(p, authority, "Sửa nội dung nhiệm vụ"));
                    break;
                case ProposalKind.Remove:
                    removed = true;
                    changes.Add(Line(p, authority, "Bãi bỏ nhiệm vụ"));
                    break;
            }
        }

        var lead = VietnameseText.Normalize(task.Lead.Text);
        var coordinating = VietnameseText.Normalize(task.Coordinating.Text);
        return removed
            ? new AmendmentDraftRow(task.Code, new(title, null), new(lead, null), new(coordinating, null), new(time, null), changes,
                [.. ofTask.Select(p => p.Id)])
            : new AmendmentDraftRow(task.Code, new(title, newTitle), DraftCell.Same(lead), DraftCell.Same(coordinating), new(time, newTime),
                changes,
                [.. ofTask.Select(p => p.Id)]);
    }

    private static string Line(Proposal p, ProposalAuthority authority, string what) =>
        $"{what} (đề xuất {p.Id} của {authority.Units.Find(p.UnitCode)?.Name ?? p.UnitCode})";
}
