using System.Globalization;
using DanVan365.Core.Proposals;

namespace DanVan365.Functions.Triggers;

/// <summary>POST /api/proposals body (docs/api.md "Proposals"); the client request id may come here or in its header.</summary>
public sealed record ProposalBody(string? Ward, string? Unit, string? TaskCode, string? Kind, string? Text, string? LastDay,
    string? Reason, string? RequestId = null);

/// <summary>POST /api/proposals/{id}/review and /decision body: the action and a note.</summary>
public sealed record ProposalActionBody(string? Ward, string? Action, string? Note);

/// <summary>A proposal as the API answers it (docs/api.md "Proposal object"): keys and their Vietnamese labels.</summary>
public sealed record ProposalView(
    string Id, string Unit, string UnitName, string? TaskCode, string Kind, string KindLabel, string? Text, string? LastDay, string Reason,
    string Proposer, string ProposedOn, string State, string StateLabel, string? ReviewNote, string? ReviewedBy, string? ReviewedAt,
    string? DecisionNote, string? DecidedBy, string? DecidedAt, string? ClosedByDecision, bool CanReview, bool CanDecide);

/// <summary>A unit the caller may propose for.</summary>
public sealed record UnitRef(string Code, string Name);

/// <summary>GET /api/proposals answer.</summary>
public sealed record ProposalList(IReadOnlyList<ProposalView> Items, string Role, IReadOnlyList<UnitRef> MyUnits);

/// <summary>One field's problem in a 400 answer (docs/api.md "Error body").</summary>
public sealed record FieldProblem(string? Code, string? Field, string Message);

/// <summary>An error answer with per-field problems.</summary>
public sealed record ProblemBody(string Error, IReadOnlyList<FieldProblem> Rows);

/// <summary>The API's keys of kinds and states (docs/api.md) ↔ Core's.</summary>
internal static class ProposalApiKeys
{
    private static readonly (ProposalKind Kind, string Key)[] Kinds =
    [
        (ProposalKind.Extend, "GiaHan"), (ProposalKind.Change, "SuaNoiDung"), (ProposalKind.Add, "BoSung"),
        (ProposalKind.Remove, "BaiBo"),
    ];

    private static readonly (ProposalState State, string Key)[] States =
    [
        (ProposalState.Pending, "ChoXemXet"), (ProposalState.Submitted, "DaTrinh"), (ProposalState.Approved, "ChapThuan"),
        (ProposalState.Rejected, "KhongChapThuan"), (ProposalState.Withdrawn, "RutLai"),
    ];

    public static string Key(ProposalKind kind) => Kinds.Single(k => k.Kind == kind).Key;

    public static string Key(ProposalState state) => States.Single(s => s.State == state).Key;

    /// <summary>The Core code of an API kind key ("GiaHan" → "extend"); other text is passed on for Core to judge.</summary>
    public static string? KindCode(string? key) =>
        Kinds.FirstOrDefault(k => string.Equals(k.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Key: not null } hit
            ? hit.Kind.ToCode()
            : key;

    public static bool TryState(string? key, out ProposalState state)
    {
        foreach (var s in States)
        {
            if (string.Equals(s.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = s.State;
                return true;
            }
        }

        return ProposalCodes.TryParseState(key, out state);
    }

    /// <summary>The body field a refused rule is about (null: the whole proposal).</summary>
    public static string? Field(string rule) => rule switch
    {
        ProposalRules.InvalidKind => "kind",
        ProposalRules.InvalidDate or ProposalRules.ExtensionBeforeToday or ProposalRules.ExtensionNotLater
            or ProposalRules.NoDeadline => "lastDay",
        ProposalRules.ReasonRequired => "reason",
        ProposalRules.UnknownTask or ProposalRules.TaskNotOfUnit => "taskCode",
        ProposalRules.TextTooLong => "text",
        ProposalRules.InvalidRequestId => "requestId",
        _ => null,
    };

    public static ProposalView View(Proposal p, ProposalAuthority authority, string? actor) => new(
        p.Id, p.UnitCode, authority.Units.Find(p.UnitCode)?.Name ?? p.UnitCode, p.TaskCode, Key(p.Kind), p.Kind.ToWord(), p.ProposedText,
        Day(p.ProposedLastDay), p.Reason, p.ProposedBy, Day(p.ProposedOn)!, Key(p.State), p.State.ToWord(), p.ReviewNote, p.ReviewedBy,
        Day(p.ReviewedOn), p.DecisionNote, p.DecidedBy, Day(p.DecidedOn), p.ClosedByDecision,
        p.State == ProposalState.Pending && authority.MayReview(p, actor),
        p.State == ProposalState.Submitted && authority.MayDecide(p, actor));

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
