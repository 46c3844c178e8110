namespace DanVan365.Core.Proposals;

/// <summary>Stable codes of the rules a proposal action can break (API error codes, CLI messages, tests).</summary>
public static class ProposalRules
{
    public const string InvalidKind = "invalid-kind";
    public const string InvalidDate = "invalid-date";
    public const string TextTooLong = "text-too-long";
    public const string ReasonRequired = "reason-required";
    public const string MissingField = "missing-field";
    public const string FieldNotAllowed = "field-not-allowed";
    public const string UnknownUnit = "unknown-unit";
    public const string UnknownTask = "unknown-task";
    public const string WrongUnit = "wrong-unit";
    public const string TaskNotOfUnit = "task-not-of-unit";
    public const string WrongRole = "wrong-role";
    public const string ExtensionBeforeToday = "extension-before-today";
    public const string ExtensionNotLater = "extension-not-later";
    public const string NoDeadline = "no-deadline";
    public const string IllegalTransition = "illegal-transition";
    public const string NotConfigured = "not-configured";
    public const string UnknownProposal = "unknown-proposal";
    public const string ChangedMeanwhile = "changed-meanwhile";

    /// <summary>Separation of duties: the proposer neither reviews nor decides their own proposal.</summary>
    public const string OwnProposal = "own-proposal";

    /// <summary>Separation of duties: whoever reviewed (forwarded) a proposal does not decide it.</summary>
    public const string ReviewerDecides = "reviewer-decides";

    /// <summary>A client request id given with a different proposal, or by another person.</summary>
    public const string RequestIdReused = "request-id-reused";

    /// <summary>A client request id that is empty, too long or not of letters, digits and - _ . :</summary>
    public const string InvalidRequestId = "invalid-request-id";
}

/// <summary>Whether a refusal is bad input (CLI exit 2, HTTP 400) or a missing right / wrong moment (CLI exit 1, HTTP 403/409).</summary>
public enum RefusalKind
{
    /// <summary>The input itself is malformed or incomplete.</summary>
    BadInput,

    /// <summary>The acting person has no right to this action.</summary>
    Forbidden,

    /// <summary>Well-formed and allowed, but not possible now (state, dates, catalogue).</summary>
    Conflict,

    /// <summary>No proposal has the id given (CLI exit 2, HTTP 404).</summary>
    NotFound,
}

/// <summary>Why an action on a proposal was refused: the rule's stable <see cref="Code"/> and a Vietnamese message naming it.</summary>
public sealed record ProposalRefusal(string Code, RefusalKind Kind, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>The result of an action: the proposal as it now is, or the refusal.</summary>
public sealed record ProposalOutcome
{
    private ProposalOutcome(Proposal? proposal, ProposalRefusal? refusal, bool repeated = false)
    {
        Proposal = proposal;
        Refusal = refusal;
        IsRepeated = repeated;
    }

    public Proposal? Proposal { get; }

    public ProposalRefusal? Refusal { get; }

    public bool IsAccepted => Refusal is null;

    /// <summary>
    /// True when the proposal was already recorded for the same client request id (a retry after a lost answer): it is the
    /// recorded one, as it now stands, and nothing is to be written.
    /// </summary>
    public bool IsRepeated { get; }

    public static ProposalOutcome Accepted(Proposal proposal) => new(proposal ?? throw new ArgumentNullException(nameof(proposal)), null);

    /// <summary>The proposal a first attempt with the same client request id recorded (<see cref="IsRepeated"/>).</summary>
    public static ProposalOutcome Repeated(Proposal proposal) =>
        new(proposal ?? throw new ArgumentNullException(nameof(proposal)), null, repeated: true);

    public static ProposalOutcome Refused(ProposalRefusal refusal) => new(null,
        refusal ?? throw new ArgumentNullException(nameof(refusal)));

    /// <summary>The accepted proposal; throws with the refusal's message otherwise (for callers that checked).</summary>
    public Proposal Value => Proposal ?? throw new InvalidOperationException(Refusal!.ToString());
}
