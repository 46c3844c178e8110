using DanVan365.Core.Sync;

namespace DanVan365.Core.Proposals;

/// <summary>
/// A proposal ↔ the field values of its "Đề xuất điều chỉnh" row (<see cref="SiteSchema.Proposals"/>), in the canonical
/// forms of <see cref="FieldValues"/>: text NFC (null when empty), dates yyyy-MM-dd, kind and state as their Vietnamese
/// words (codes are read too).
/// </summary>
public static class ProposalRows
{
    /// <summary>The row's fields, Title included ("DX-2026-0001 · Gia hạn 1.2 · VP").</summary>
    public static IReadOnlyDictionary<string, string?> ToFields(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var p = proposal;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [SiteSchema.Title] = FieldValues.Text(Title(p)),
            ["ProposalId"] = FieldValues.Text(p.Id),
            ["UnitCode"] = FieldValues.Text(p.UnitCode),
            ["TaskCode"] = FieldValues.Text(p.TaskCode),
            ["Kind"] = p.Kind.ToWord(),
            ["ProposedText"] = FieldValues.Text(p.ProposedText),
            ["ProposedLastDay"] = FieldValues.Date(p.ProposedLastDay),
            ["Reason"] = FieldValues.Text(p.Reason),
            ["ProposedBy"] = FieldValues.Text(p.ProposedBy),
            ["ProposedOn"] = FieldValues.Date(p.ProposedOn),
            ["State"] = p.State.ToWord(),
            ["ReviewNote"] = FieldValues.Text(p.ReviewNote),
            ["ReviewedBy"] = FieldValues.Text(p.ReviewedBy),
            ["ReviewedOn"] = FieldValues.Date(p.ReviewedOn),
            ["DecisionNote"] = FieldValues.Text(p.DecisionNote),
            ["DecidedBy"] = FieldValues.Text(p.DecidedBy),
            ["DecidedOn"] = FieldValues.Date(p.DecidedOn),
            ["WithdrawnBy"] = FieldValues.Text(p.WithdrawnBy),
            ["WithdrawnOn"] = FieldValues.Date(p.WithdrawnOn),
            ["ClosedByDecision"] = FieldValues.Text(p.ClosedByDecision),
            ["ClosedOn"] = FieldValues.Date(p.ClosedOn),
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
        var id = Get("ProposalId");
        var label = id ?? "(không có mã)";
        foreach (var required in new[] { "ProposalId", "UnitCode", "Kind", "Reason", "ProposedBy", "ProposedOn", "State" })
        {
            if (Get(required) is null)
            {
                problem = $"Đề xuất {label}: thiếu cột {SiteSchema.Proposals.Column(required).DisplayName} ({required}).";
                return false;
            }
        }

        if (!ProposalCodes.TryParseKind(Get("Kind"), out var kind))
        {
            problem = $"Đề xuất {label}: loại đề xuất '{Get("Kind")}' không hợp lệ.";
            return false;
        }

        if (!ProposalCodes.TryParseState(Get("State"), out var state))
        {
            problem = $"Đề xuất {label}: trạng thái '{Get("State")}' không hợp lệ.";
            return false;
        }

        var dates = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        foreach (var column in new[] { "ProposedLastDay", "ProposedOn", "ReviewedOn", "DecidedOn", "WithdrawnOn", "ClosedOn" })
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

        proposal = new Proposal(id!, Get("UnitCode")!, Get("TaskCode"), kind, Get("ProposedText"), dates["ProposedLastDay"],
            Get("Reason")!, Get("ProposedBy")!, dates["ProposedOn"]!.Value, state)
        {
            ReviewNote = Get("ReviewNote"),
            ReviewedBy = Get("ReviewedBy"),
            ReviewedOn = dates["ReviewedOn"],
            DecisionNote = Get("DecisionNote"),
            DecidedBy = Get("DecidedBy"),
            DecidedOn = dates["DecidedOn"],
            WithdrawnBy = Get("WithdrawnBy"),
            WithdrawnOn = dates["WithdrawnOn"],
            ClosedByDecision = Get("ClosedByDecision"),
            ClosedOn = dates["ClosedOn"],
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
