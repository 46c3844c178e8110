using System.Diagnostics.CodeAnalysis;
using DanVan365.Core.Text;

namespace DanVan365.Core.Proposals;

/// <summary>What a proposal asks for (decision part II.3: "điều chỉnh, bổ sung").</summary>
public enum ProposalKind
{
    /// <summary>Gia hạn: a later last day for a task.</summary>
    Extend,

    /// <summary>Sửa nội dung: new wording of a task.</summary>
    Change,

    /// <summary>Bổ sung: a new task.</summary>
    Add,

    /// <summary>Bãi bỏ: drop a task.</summary>
    Remove,
}

/// <summary>Where a proposal stands. Nothing is ever deleted: a withdrawn proposal is a state.</summary>
public enum ProposalState
{
    /// <summary>Chờ xem xét: proposed by a unit, waiting for Phòng Văn hóa - Xã hội.</summary>
    Pending,

    /// <summary>Đã trình: forwarded by the aggregating unit's head, waiting for the decider.</summary>
    Submitted,

    /// <summary>Chấp thuận: approved by the signer (or a deputy).</summary>
    Approved,

    /// <summary>Không chấp thuận: rejected at review or at decision.</summary>
    Rejected,

    /// <summary>Đã rút: withdrawn by the proposing unit before a decision.</summary>
    Withdrawn,
}

/// <summary>Stable codes (API, CLI) and Vietnamese words (lists, documents) of kinds and states.</summary>
public static class ProposalCodes
{
    private static readonly (ProposalKind Kind, string Code, string Word)[] Kinds =
    [
        (ProposalKind.Extend, "extend", "Gia hạn"),
        (ProposalKind.Change, "change", "Sửa nội dung"),
        (ProposalKind.Add, "add", "Bổ sung"),
        (ProposalKind.Remove, "remove", "Bãi bỏ"),
    ];

    private static readonly (ProposalState State, string Code, string Word)[] States =
    [
        (ProposalState.Pending, "pending", "Chờ xem xét"),
        (ProposalState.Submitted, "submitted", "Đã trình"),
        (ProposalState.Approved, "approved", "Chấp thuận"),
        (ProposalState.Rejected, "rejected", "Không chấp thuận"),
        (ProposalState.Withdrawn, "withdrawn", "Đã rút"),
    ];

    /// <summary>Vietnamese kind words, in enum order (list choices).</summary>
    public static IReadOnlyList<string> KindWords { get; } = [.. Kinds.Select(k => k.Word)];

    /// <summary>Vietnamese state words, in enum order (list choices).</summary>
    public static IReadOnlyList<string> StateWords { get; } = [.. States.Select(s => s.Word)];

    public static string ToCode(this ProposalKind kind) => Kinds.Single(k => k.Kind == kind).Code;

    public static string ToWord(this ProposalKind kind) => Kinds.Single(k => k.Kind == kind).Word;

    public static string ToCode(this ProposalState state) => States.Single(s => s.State == state).Code;

    public static string ToWord(this ProposalState state) => States.Single(s => s.State == state).Word;

    /// <summary>Parses a kind from its code ("extend") or its Vietnamese word ("Gia hạn"; case and tone placement ignored).</summary>
    public static bool TryParseKind(string? text, out ProposalKind kind)
    {
        var key = VietnameseText.MatchKey(text);
        foreach (var k in Kinds)
        {
            if (key == k.Code || key == VietnameseText.MatchKey(k.Word))
            {
                kind = k.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Parses a state from its code ("submitted") or its Vietnamese word ("Đã trình").</summary>
    public static bool TryParseState(string? text, out ProposalState state)
    {
        var key = VietnameseText.MatchKey(text);
        foreach (var s in States)
        {
            if (key == s.Code || key == VietnameseText.MatchKey(s.Word))
            {
                state = s.State;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>True for states that still wait for someone (review or decision).</summary>
    public static bool IsOpen(this ProposalState state) => state is ProposalState.Pending or ProposalState.Submitted;
}

/// <summary>
/// A unit's proposal to adjust the catalogue (one row of "Đề xuất điều chỉnh"). Text is NFC; people are e-mail
/// addresses of the unit directory; dates are ward dates (ICT).
/// </summary>
/// <param name="Id">Stable id, e.g. "DX-2026-0001" (the list's key).</param>
/// <param name="UnitCode">The proposing unit.</param>
/// <param name="TaskCode">The task concerned; null for <see cref="ProposalKind.Add"/> (a new task).</param>
/// <param name="Kind">What is asked.</param>
/// <param name="ProposedText">New wording (change, add).</param>
/// <param name="ProposedLastDay">New last day (extend; optional for add).</param>
/// <param name="Reason">Why (required).</param>
/// <param name="ProposedBy">Who proposed.</param>
/// <param name="ProposedOn">When.</param>
/// <param name="State">Where it stands.</param>
public sealed record Proposal(
    string Id,
    string UnitCode,
    string? TaskCode,
    ProposalKind Kind,
    string? ProposedText,
    DateOnly? ProposedLastDay,
    string Reason,
    string ProposedBy,
    DateOnly ProposedOn,
    ProposalState State)
{
    /// <summary>The reviewer's note (Phòng Văn hóa - Xã hội).</summary>
    public string? ReviewNote { get; init; }

    /// <summary>Who reviewed (forwarded or rejected at review).</summary>
    public string? ReviewedBy { get; init; }

    public DateOnly? ReviewedOn { get; init; }

    /// <summary>The decider's note.</summary>
    public string? DecisionNote { get; init; }

    /// <summary>Who decided (the signer or a deputy).</summary>
    public string? DecidedBy { get; init; }

    public DateOnly? DecidedOn { get; init; }

    /// <summary>Who withdrew it (a person of the proposing unit).</summary>
    public string? WithdrawnBy { get; init; }

    public DateOnly? WithdrawnOn { get; init; }

    /// <summary>Number of the amending decision that carried it out (e.g. "812/QĐ-UBND"); null while not done.</summary>
    public string? ClosedByDecision { get; init; }

    public DateOnly? ClosedOn { get; init; }

    /// <summary>The client request id it was filed with (unique in the list); null when the client gave none.</summary>
    public string? RequestId { get; init; }

    /// <summary>An approved proposal an amending decision has carried out.</summary>
    [MemberNotNullWhen(true, nameof(ClosedByDecision))]
    public bool IsClosed => ClosedByDecision is not null;
}
