using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Core.Proposals;

/// <summary>
/// Who may do what with proposals (decision part II.3), resolved from the unit directory, the decision's metadata and
/// <see cref="ProposalOptions"/>. Deny by default: an address that matches no rule has no right.
/// <list type="bullet">
/// <item>Proposers: the head and the assignees of the proposing unit.</item>
/// <item>Reviewer: the head of the aggregating unit (options, else the decision's; the unit escalation's +3 rung uses).</item>
/// <item>Deciders: the decision's signer (the directory person with role "signer" named as the decision's signer, or
/// <see cref="ProposalOptions.SignerEmail"/>) and the configured deputies.</item>
/// </list>
/// Separation of duties (<see cref="MayReview"/>, <see cref="MayDecide"/>): nobody reviews or decides a proposal they made,
/// and whoever reviewed a proposal does not decide it (another decider, a configured deputy, does). People are the same
/// when their addresses match or the directory gives both the same Entra object id (<see cref="IsSamePerson"/>).
/// </summary>
public sealed class ProposalAuthority
{
    public ProposalAuthority(UnitDirectory units, Decision decision, ProposalOptions options)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(options);
        Units = units ?? throw new ArgumentNullException(nameof(units));
        AggregatingUnitCode = string.IsNullOrWhiteSpace(options.AggregatingUnitCode)
            ? (string.IsNullOrWhiteSpace(decision.AggregatingUnit) ? null : decision.AggregatingUnit)
            : options.AggregatingUnitCode.Trim();
        var aggregating = AggregatingUnitCode is null ? null : units.Find(AggregatingUnitCode);
        AggregatingUnitName = aggregating?.Name ?? "Phòng Văn hóa - Xã hội";
        ReviewerEmail = string.IsNullOrWhiteSpace(aggregating?.Head) ? null : aggregating.Head.Trim();

        var signerKey = VietnameseText.MatchKey(decision.Signer);
        SignerEmail = string.IsNullOrWhiteSpace(options.SignerEmail)
            ? units.People.FirstOrDefault(p => PersonRoles.Is(p.Role, PersonRoles.Signer)
                && VietnameseText.MatchKey(p.DisplayName) == signerKey)?.Email
            : options.SignerEmail.Trim();
        SignerName = VietnameseText.Normalize(decision.Signer);
        DeciderEmails = [.. new[] { SignerEmail }.Concat(options.DeputyEmails)
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public UnitDirectory Units { get; }

    /// <summary>Code of the aggregating unit, or null when neither options nor decision name one.</summary>
    public string? AggregatingUnitCode { get; }

    /// <summary>Full name of the aggregating unit (for messages).</summary>
    public string AggregatingUnitName { get; }

    /// <summary>Address of the aggregating unit's head, or null when unknown.</summary>
    public string? ReviewerEmail { get; }

    /// <summary>Address of the decision's signer, or null when neither directory nor options give one.</summary>
    public string? SignerEmail { get; }

    /// <summary>The decision's signer as written.</summary>
    public string SignerName { get; }

    /// <summary>The signer (when known) and the deputies.</summary>
    public IReadOnlyList<string> DeciderEmails { get; }

    /// <summary>True when <paramref name="actor"/> is the head or an assignee of <paramref name="unitCode"/>.</summary>
    public bool IsMemberOf(string? actor, string unitCode)
    {
        var unit = Units.Find(unitCode);
        if (unit is null || string.IsNullOrWhiteSpace(actor))
        {
            return false;
        }

        var a = actor.Trim();
        return Same(unit.Head, a) || unit.Assignees.Any(x => Same(x, a));
    }

    public bool IsReviewer(string? actor) => ReviewerEmail is not null && Same(ReviewerEmail, actor?.Trim());

    public bool IsDecider(string? actor) => DeciderEmails.Any(d => Same(d, actor?.Trim()));

    /// <summary>True when <paramref name="actor"/> is the reviewer and did not make <paramref name="proposal"/>.</summary>
    public bool MayReview(Proposal proposal, string? actor)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return IsReviewer(actor) && !IsSamePerson(proposal.ProposedBy, actor);
    }

    /// <summary>True when <paramref name="actor"/> is a decider who neither made nor reviewed <paramref name="proposal"/>.</summary>
    public bool MayDecide(Proposal proposal, string? actor) => IsDecider(actor) && IsIndependentOf(proposal, actor);

    /// <summary>The deciders who neither made nor reviewed <paramref name="proposal"/> (those who may decide it).</summary>
    public IReadOnlyList<string> IndependentDeciders(Proposal proposal) => [.. DeciderEmails.Where(d => IsIndependentOf(proposal, d))];

    /// <summary>
    /// True when the addresses <paramref name="a"/> and <paramref name="b"/> are one person: the same address, or directory
    /// people with the same Entra object id (<see cref="ReportSubmitters.SameId"/>). An empty address is nobody.
    /// </summary>
    public bool IsSamePerson(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b)
        && (Same(a, b.Trim()) || ReportSubmitters.SameId(ObjectIdOf(a), ObjectIdOf(b)));

    /// <summary>
    /// How a person is named in a report: "Phó Chủ tịch Ủy ban nhân dân phường Bùi Quang Ngân" (title and name from the
    /// directory); the decision's signer name for the signer; the address itself when the directory does not know it.
    /// </summary>
    public string Describe(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return string.Empty;
        }

        var person = Units.FindPerson(email.Trim());
        if (person is not null)
        {
            var name = VietnameseText.Normalize(person.DisplayName);
            return string.IsNullOrWhiteSpace(person.Title) ? name : VietnameseText.Normalize(person.Title) + " " + name;
        }

        return Same(SignerEmail, email.Trim()) && SignerName.Length > 0 ? SignerName : email.Trim();
    }

    private bool IsIndependentOf(Proposal proposal, string? actor)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return !IsSamePerson(proposal.ProposedBy, actor) && !IsSamePerson(proposal.ReviewedBy, actor);
    }

    private string? ObjectIdOf(string address) =>
        Units.People.FirstOrDefault(p => Same(p.Email, address.Trim()) && !string.IsNullOrWhiteSpace(p.ObjectId))?.ObjectId;

    private static bool Same(string? a, string? b) =>
        !string.IsNullOrEmpty(a) && !string.IsNullOrEmpty(b) && string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);
}
