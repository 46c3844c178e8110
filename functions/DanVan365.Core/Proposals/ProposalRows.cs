using DanVan365.Core.Sync;

namespace DanVan365.Core.Proposals;

/// <summary>
/// A proposal ↔ the field values of its "Đề xuất điều chỉnh" row (<see cref="SiteSchema.Proposals"/>), in the canonical
/// forms of <see cref="FieldValues"/>: text NFC (null when empty), dates yyyy-MM-dd, kind and state as their Vietnamese
/// words (codes are read too).
/// </summary>
public static class ProposalRows
{
    /// <summary>Columns a row cannot be read without.</summary>
    private static readonly string[] RequiredColumns =
    [
        ProposalColumns.Id, ProposalColumns.UnitCode, ProposalColumns.Kind, ProposalColumns.Reason, ProposalColumns.ProposedBy,
        ProposalColumns.ProposedOn, ProposalColumns.State,
    ];

    /// <summary>Date-only columns (yyyy-MM-dd; a date Graph returns as an instant is read too).</summary>
    private static readonly string[] DateColumns =
    [
        ProposalColumns.ProposedLastDay, ProposalColumns.ProposedOn, ProposalColumns.ReviewedOn, ProposalColumns.DecidedOn,
        ProposalColumns.WithdrawnOn, ProposalColumns.ClosedOn,
    ];

    /// <summary>The row's fields, Title included ("DX-2026-0001 · Gia hạn 1.2 · VP").</summary>
    public static IReadOnlyDictionary<string, string?> ToFields(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var p = proposal;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [SiteSchema.Title] = FieldValues.Text(Title(p)),
            [ProposalColumns.Id] = FieldValues.Text(p.Id),
            [ProposalColumns.UnitCode] = FieldValues.Text(p.UnitCode),
            [ProposalColumns.TaskCode] = FieldValues.Text(p.TaskCode),
            [ProposalColumns.Kind] = p.Kind.ToWord(),
            [ProposalColumns.ProposedText] = FieldValues.Text(p.ProposedText),
            [ProposalColumns.ProposedLastDay] = FieldValues.Date(p.ProposedLastDay),
            [ProposalColumns.Reason] = FieldValues.Text(p.Reason),
            [ProposalColumns.ProposedBy] = FieldValues.Text(p.ProposedBy),
            [ProposalColumns.ProposedOn] = FieldValues.Date(p.ProposedOn),
            [ProposalColumns.State] = p.State.ToWord(),
            [ProposalColumns.ReviewNote] = FieldValues.Text(p.ReviewNote),
            [ProposalColumns.ReviewedBy] = FieldValues.Text(p.ReviewedBy),
            [ProposalColumns.ReviewedOn] = FieldValues.Date(p.ReviewedOn),
            [ProposalColumns.DecisionNote] = FieldValues.Text(p.DecisionNote),
            [ProposalColumns.DecidedBy] = FieldValues.Text(p.DecidedBy),
            [ProposalColumns.DecidedOn] = FieldValues.Date(p.DecidedOn),
            [ProposalColumns.WithdrawnBy] = FieldValues.Text(p.WithdrawnBy),
            [ProposalColumns.WithdrawnOn] = FieldValues.Date(p.WithdrawnOn),
            [ProposalColumns.ClosedByDecision] = FieldValues.Text(p.ClosedByDecision),
            [ProposalColumns.ClosedOn] = FieldValues.Date(p.ClosedOn),
            [ProposalColumns.RequestId] = FieldValues.Text(p.RequestId),
        };
    }

    /// <summary>"DX-2026-0001 · Gia hạn 1.2 · VP" (Bổ sung: "… · Bổ sung nhiệm vụ mới · VP").</summary>
    public static string Title(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var what = proposal.TaskCode is null ? proposal.Kind.ToWord() + " nhiệm vụ mới" : proposal.Kind.ToWord() + " " + proposal.TaskCode;
        return $"{proposal.Id} · {what} · {proposal.UnitCode}";
    }

    /// <summary>
    /// Reads a row back. Returns false with a Vietnamese <paramref name="problem"/> naming the column when a required
    /// column is missing or a kind, state or date cannot be read (a hand-edited row is reported, never guessed).
    /// </summary>
    public static bool TryFromFields(IReadOnlyDictionary<string, string?> fields, out Proposal? proposal, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(fields);
        proposal = null;
        problem = null;
        string? Get(string name) => FieldValues.Text(fields.GetValueOrDefault(name)?.Trim());
        var id = Get(ProposalColumns.Id);
        var label = id ?? "(không có mã)";
        foreach (var required in RequiredColumns)
        {
            if (Get(required) is null)
            {
                problem = $"Đề xuất {label}: thiếu cột {SiteSchema.Proposals.Column(required).DisplayName} ({required}).";
                return false;
            }
        }

        if (!ProposalCodes.TryParseKind(Get(ProposalColumns.Kind), out var kind))
        {
            problem = $"Đề xuất {label}: loại đề xuất '{Get(ProposalColumns.Kind)}' không hợp lệ.";
            return false;
        }

        if (!ProposalCodes.TryParseState(Get(ProposalColumns.State), out var state))
        {
            problem = $"Đề xuất {label}: trạng thái '{Get(ProposalColumns.State)}' không hợp lệ.";
            return false;
        }

        var dates = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        foreach (var column in DateColumns)
        {
            var raw = Get(column);
            var date = FieldValues.ParseDate(raw);
            if (raw is not null && date is null)
            {
                problem = $"Đề xuất {label}: cột {SiteSchema.Proposals.Column(column).DisplayName} có ngày '{raw}' không đọc được.";
                return false;
            }

            dates[column] = date;
        }

        proposal = new Proposal(id!, Get(ProposalColumns.UnitCode)!, Get(ProposalColumns.TaskCode), kind, Get(ProposalColumns.ProposedText),
            dates[ProposalColumns.ProposedLastDay],
            Get(ProposalColumns.Reason)!, Get(ProposalColumns.ProposedBy)!, dates[ProposalColumns.ProposedOn]!.Value, state)
        {
            ReviewNote = Get(ProposalColumns.ReviewNote),
            ReviewedBy = Get(ProposalColumns.ReviewedBy),
            ReviewedOn = dates[ProposalColumns.ReviewedOn],
            DecisionNote = Get(ProposalColumns.DecisionNote),
            DecidedBy = Get(ProposalColumns.DecidedBy),
            DecidedOn = dates[ProposalColumns.DecidedOn],
            WithdrawnBy = Get(ProposalColumns.WithdrawnBy),
            WithdrawnOn = dates[ProposalColumns.WithdrawnOn],
            ClosedByDecision = Get(ProposalColumns.ClosedByDecision),
            ClosedOn = dates[ProposalColumns.ClosedOn],
            RequestId = Get(ProposalColumns.RequestId),
        };
        return true;
    }

    /// <summary>Reads every row; rows that cannot be read go to the problems (per-item failures, never dropped silently).</summary>
    public static (IReadOnlyList<Proposal> Proposals, IReadOnlyList<string> Problems) FromRows(IEnumerable<CurrentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = new List<Proposal>();
        var problems = new List<string>();
        foreach (var row in rows)
        {
            if (TryFromFields(row.Fields, out var p, out var problem))
            {
                list.Add(p!);
            }
            else
            {
                problems.Add(problem!);
            }
        }

        return (list, problems);
    }
}
