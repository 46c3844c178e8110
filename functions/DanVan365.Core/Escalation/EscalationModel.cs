using System.Globalization;
using System.Text;

namespace DanVan365.Core.Escalation;

/// <summary>What an escalation item is about.</summary>
public enum EscalationItemKind
{
    /// <summary>An open Phân công row (task × lead unit) with a last day.</summary>
    Assignment,

    /// <summary>A (round × unit) report that has not come in (Báo cáo kết quả).</summary>
    Report,

    /// <summary>An adjustment proposal waiting too long for review or decision (issue 17; planned by ProposalReminders).</summary>
    Proposal,

    /// <summary>An edit made around DanVan365, for the head of the aggregating unit (issue 22; Integrity.InterventionDigest).</summary>
    Intervention,

    /// <summary>A step of the units' scoring waiting (issue 24; planned by Scoring.ScoreReminders).</summary>
    Score,
}

/// <summary>
/// The groups of the digest: <see cref="Upcoming"/> (sắp đến hạn), <see cref="Overdue"/> (quá hạn),
/// <see cref="ReportMissing"/> (chưa báo cáo: a round's report, before or after its last day), and the adjustment proposals
/// waiting too long (<see cref="ProposalReview"/>, <see cref="ProposalDecision"/>).
/// </summary>
public enum EscalationKind
{
    Upcoming,
    Overdue,
    ReportMissing,

    /// <summary>A proposal waiting for the reviewer (đề xuất chờ xem xét); the offset is the working days allowed.</summary>
    ProposalReview,

    /// <summary>A forwarded proposal waiting for the decider (đề xuất chờ quyết định).</summary>
    ProposalDecision,

    /// <summary>An edit made around DanVan365 and what it did (can thiệp ngoài hệ thống); offset 0.</summary>
    Intervention,

    /// <summary>
    /// The one courtesy reminder to the contact of a unit the committee only requests (đề nghị phối hợp): a letter of its
    /// own, never a rung of the ladder (<see cref="CourtesyReminderOptions"/>).
    /// </summary>
    Courtesy,

    /// <summary>A unit that has not proposed its score since the scoring opened (điểm chưa tự chấm); offset 0.</summary>
    ScoreProposal,

    /// <summary>A proposed score waiting for Phòng Văn hóa - Xã hội's appraisal (điểm tự chấm chờ thẩm định); offset 0.</summary>
    ScoreAppraisal,

    /// <summary>The appraised table waiting for the signer's approval (bảng điểm chờ phê duyệt); offset 0.</summary>
    ScoreApproval,
}

/// <summary>
/// A rung of the ladder as it applies to one item: the digest group plus the step's offset in days relative to the
/// last day (−7, −3, −1 before; +1, +3, +7 after). The ladder is configuration, so a level is not a fixed enum member:
/// it is (kind, offset). A higher offset is a higher level. <see cref="Key"/> is what the idempotency key records,
/// e.g. "upcoming-7", "overdue+3", "report-1", "report+7". The courtesy reminder's key is "courtesy" whatever its offset:
/// it is sent once per item, even when the offset is reconfigured.
/// </summary>
public readonly record struct EscalationLevel(EscalationKind Kind, int OffsetDays) : IComparable<EscalationLevel>
{
    /// <summary>Stable text for keys and logs.</summary>
    public string Key => Kind == EscalationKind.Courtesy ? "courtesy" : Kind switch
    {
        EscalationKind.Upcoming => "upcoming",
        EscalationKind.Overdue => "overdue",
        EscalationKind.ReportMissing => "report",
        EscalationKind.ProposalReview => "review",
        EscalationKind.ProposalDecision => "decision",
        EscalationKind.Intervention => "intervention",
        EscalationKind.ScoreProposal => "score-propose",
        EscalationKind.ScoreAppraisal => "score-appraise",
        EscalationKind.ScoreApproval => "score-approve",
        _ => throw new InvalidOperationException($"Unknown kind {Kind}."),
    } + OffsetDays.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    /// <summary>The level an item reaches at a step: reports are always <see cref="EscalationKind.ReportMissing"/>;
    /// assignments are <see cref="EscalationKind.Upcoming"/> up to and including the last day, then <see
    /// cref="EscalationKind.Overdue"/>.</summary>
    public static EscalationLevel For(EscalationItemKind itemKind, int offsetDays) => new(
        itemKind == EscalationItemKind.Report ? EscalationKind.ReportMissing
            : offsetDays <= 0 ? EscalationKind.Upcoming : EscalationKind.Overdue,
        offsetDays);

    /// <summary>The courtesy reminder to a requested unit's contact, <paramref name="offsetDays"/> from the last day.</summary>
    public static EscalationLevel Courtesy(int offsetDays) => new(EscalationKind.Courtesy, offsetDays);

    public int CompareTo(EscalationLevel other) => OffsetDays.CompareTo(other.OffsetDays);

    public override string ToString() => Key;
}

/// <summary>
/// One thing that may need reminding: an assignment (Phân công row) or a missing (round × unit) report.
/// Build with <see cref="ForAssignment"/> or <see cref="ForReport"/>. Text is kept as written (NFC).
/// </summary>
public sealed record EscalationItem
{
    private EscalationItem(EscalationItemKind kind, string key, string? taskCode, int? round, string title, string unitCode,
        DateOnly? lastDay, bool completed, bool archived, string? plannerTaskUrl, string? listItemUrl)
    {
        Kind = kind;
        Key = key;
        TaskCode = taskCode;
        Round = round;
        Title = title;
        UnitCode = unitCode;
        LastDay = lastDay;
        Completed = completed;
        Archived = archived;
        PlannerTaskUrl = plannerTaskUrl;
        ListItemUrl = listItemUrl;
    }

    public EscalationItemKind Kind { get; }

    /// <summary>Stable key of the item inside idempotency keys: "PC:{code}|{unit}" ("PC:{code}|{unit}@{yyyy-MM-dd}" once an
    /// approved extension moved its last day, so the ladder starts again for the new day), "BC:{round}|{unit}" /
    /// "BC:{round}|{code}|{unit}", or "DX:{proposal id}".</summary>
    public string Key { get; }

    /// <summary>Catalogue code ("3.5.a"); null for a per-unit round report.</summary>
    public string? TaskCode { get; }

    /// <summary>Reporting round (1, 2, …) for reports; null for assignments.</summary>
    public int? Round { get; }

    public string Title { get; }

    public string UnitCode { get; }

    /// <summary>Last allowed day; null for an ongoing ("Thường xuyên") assignment, which is reminded through the rounds only.</summary>
    public DateOnly? LastDay { get; }

    /// <summary>Assignment completed, or report received.</summary>
    public bool Completed { get; }

    /// <summary>Dropped by a newer decision (archived, never deleted).</summary>
    public bool Archived { get; }

    public string? PlannerTaskUrl { get; }

    public string? ListItemUrl { get; }

    /// <summary>For a proposal: its id ("DX-2026-0001"); null otherwise.</summary>
    public string? ProposalId { get; private init; }

    /// <summary>For a step of the scoring: the code cell ("Năm 2026"); null otherwise.</summary>
    public string? ScoreCode { get; private init; }

    /// <summary>For a proposal: the working days it has been waiting; null otherwise.</summary>
    public int? WaitingWorkingDays { get; private init; }

    /// <summary>An open Phân công row; <paramref name="extended"/>: <paramref name="lastDay"/> is an approved extension's.</summary>
    public static EscalationItem ForAssignment(string code, string title, string unitCode, DateOnly? lastDay,
        bool completed = false, bool archived = false, string? plannerTaskUrl = null, string? listItemUrl = null, bool extended = false)
    {
        var c = Nfc(code, nameof(code));
        var u = Nfc(unitCode, nameof(unitCode));
        var key = extended && lastDay is { } day ? $"PC:{c}|{u}@{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : $"PC:{c}|{u}";
        return new(EscalationItemKind.Assignment, key, c, null, Nfc(title, nameof(title)), u, lastDay, completed, archived,
            plannerTaskUrl, listItemUrl);
    }

    /// <summary>
    /// A unit's report for a round (ad hoc rounds too). <paramref name="reported"/> true means it came in (never reminded).
    /// Give <paramref name="taskCode"/> when reports are tracked per assignment × round rather than per unit × round.
    /// </summary>
    public static EscalationItem ForReport(int round, DateOnly roundLastDay, string unitCode, bool reported = false,
        string? title = null, string? taskCode = null, bool archived = false, string? listItemUrl = null, string? plannerTaskUrl = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(round);
        var u = Nfc(unitCode, nameof(unitCode));
        var c = taskCode is null ? null : Nfc(taskCode, nameof(taskCode));
        var r = round.ToString(CultureInfo.InvariantCulture);
        var key = c is null ? $"BC:{r}|{u}" : $"BC:{r}|{c}|{u}";
        var t = title is null
            ? DigestText.DecisionRoundReportTitle
            : Nfc(title, nameof(title));
        return new(EscalationItemKind.Report, key, c, round, t, u, roundLastDay, reported, archived, plannerTaskUrl, listItemUrl);
    }

    /// <summary>
    /// An adjustment proposal waiting since <paramref name="waitingSince"/> (kept as <see cref="LastDay"/>, the day the
    /// digest shows) for <paramref name="workingDaysWaiting"/> working days.
    /// </summary>
    public static EscalationItem ForProposal(string proposalId, string title, string unitCode, DateOnly waitingSince,
        int workingDaysWaiting, string? listItemUrl = null)
    {
        var id = Nfc(proposalId, nameof(proposalId));
        return new(EscalationItemKind.Proposal, "DX:" + id, null, null, Nfc(title, nameof(title)), Nfc(unitCode, nameof(unitCode)),
            waitingSince, false, false, null, listItemUrl)
        {
            ProposalId = id,
            WaitingWorkingDays = workingDaysWaiting,
        };
    }

    /// <summary>
    /// A step of the units' scoring of <paramref name="year"/> (key "CD:{year}|{unit}", or "CD:{year}" for the whole table),
    /// open since <paramref name="opensOn"/> (kept as <see cref="LastDay"/>, the day the digest shows).
    /// </summary>
    public static EscalationItem ForScore(int year, string? scoredUnit, string title, string unitCode, DateOnly opensOn)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        var key = scoredUnit is null ? "CD:" + y : "CD:" + y + "|" + Nfc(scoredUnit, nameof(scoredUnit));
        return new(EscalationItemKind.Score, key, null, null, Nfc(title, nameof(title)), Nfc(unitCode, nameof(unitCode)), opensOn,
            false, false, null, null)
        {
            ScoreCode = "Năm " + y,
        };
    }

    /// <summary>
    /// An edit made around DanVan365 (Nhật ký can thiệp's key <paramref name="interventionKey"/>), told in
    /// <paramref name="sentence"/>; <paramref name="recordedOn"/> is the day shown.
    /// </summary>
    public static EscalationItem ForIntervention(string interventionKey, string sentence, string unitCode, DateOnly recordedOn)
    {
        var key = Nfc(interventionKey, nameof(interventionKey));
        return new(EscalationItemKind.Intervention, "IV:" + key, null, null, Nfc(sentence, nameof(sentence)),
            Nfc(unitCode, nameof(unitCode)), recordedOn, false, false, null, null);
    }

    private static string Nfc(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value.Normalize(NormalizationForm.FormC);
    }
}

/// <summary>Who can receive mail about an item.</summary>
public enum RecipientRole
{
    /// <summary>The unit's assignees (Unit.Assignees).</summary>
    UnitAssignees,

    /// <summary>The unit's head (Unit.Head).</summary>
    UnitHead,

    /// <summary>The head of the aggregating unit (Phòng Văn hóa - Xã hội in Hải An).</summary>
    AggregatingUnitHead,

    /// <summary>The vice-chairman who signed the decision (address from options).</summary>
    Signer,
}

/// <summary>A person to mail. Build with <see cref="TryCreate"/>: the address is checked and the display name is made
/// header-safe.</summary>
public sealed record Recipient
{
    private Recipient(string address, string displayName)
    {
        Address = address;
        DisplayName = displayName;
        Key = address.ToLowerInvariant();
    }

    /// <summary>E-mail address, trimmed.</summary>
    public string Address { get; }

    /// <summary>Display name without control characters or line breaks; the address when none was given.</summary>
    public string DisplayName { get; }

    /// <summary>Lower-case address: the recipient part of idempotency keys and the digest grouping key.</summary>
    public string Key { get; }

    /// <summary>False when the address is not a plain addr-spec (one '@', no spaces, control characters or header punctuation).</summary>
    public static bool TryCreate(string? address, string? displayName, out Recipient? recipient)
    {
        recipient = null;
        var a = address?.Trim();
        if (string.IsNullOrEmpty(a) || !IsPlainAddress(a))
        {
            return false;
        }

        var name = MailText.HeaderSafe(displayName);
        recipient = new Recipient(a, name.Length == 0 ? a : name);
        return true;
    }

    /// <summary>Like <see cref="TryCreate"/>, throwing <see cref="ArgumentException"/> on a bad address.</summary>
    public static Recipient Create(string address, string? displayName = null) =>
        TryCreate(address, displayName,
            out var r) ? r! : throw new ArgumentException($"Not a usable e-mail address: '{MailText.HeaderSafe(address)}'.",
            nameof(address));

    private static bool IsPlainAddress(string a)
    {
        var at = a.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != a.LastIndexOf('@') || at == a.Length - 1 || a.Length > 254)
        {
            return false;
        }

        foreach (var ch in a)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch)
                || ch is '<' or '>' or '"' or ',' or ';' or ':' or '(' or ')' or '[' or ']' or '\\')
            {
                return false;
            }
        }

        return a.AsSpan(at + 1).Contains('.');
    }
}

/// <summary>One (recipient, item, level) to send today.</summary>
/// <param name="Recipient">Who.</param>
/// <param name="Item">About what.</param>
/// <param name="Level">Which rung.</param>
/// <param name="UnitName">The item's unit, full name (the code when unknown).</param>
/// <param name="Roles">Why this person gets it (assignee, head, …).</param>
/// <param name="Today">The day the plan was made for (ICT).</param>
public sealed record EscalationNotification(
    Recipient Recipient,
    EscalationItem Item,
    EscalationLevel Level,
    string UnitName,
    IReadOnlyList<RecipientRole> Roles,
    DateOnly Today)
{
    /// <summary>"recipient|itemKey|level": unique in Nhật ký thông báo.</summary>
    public string IdempotencyKey => EscalationKeys.Make(Recipient.Key, Item.Key, Level.Key);

    /// <summary>Days from the last day to today: negative = days left, 0 = last day today, positive = days overdue.</summary>
    public int DaysPastLastDay => Item.LastDay is { } last ? Today.DayNumber - last.DayNumber : 0;
}

/// <summary>The idempotency key format.</summary>
public static class EscalationKeys
{
    /// <summary>"recipient|itemKey|level" (the recipient lower-cased).</summary>
    public static string Make(string recipientKey, string itemKey, string levelKey) =>
        string.Concat(recipientKey.ToLowerInvariant(), "|", itemKey, "|", levelKey);

    /// <summary>
    /// The key as stored in a column of at most <paramref name="maxLength"/> characters (SharePoint single line of text: 255):
    /// unchanged when it fits, else its head plus "#" and a SHA-256 of the whole key (still unique and stable).
    /// </summary>
    public static string ForColumn(string key, int maxLength = 255)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 80);
        if (key.Length <= maxLength)
        {
            return key;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return string.Concat(key.AsSpan(0, maxLength - hash.Length - 1), "#", hash);
    }
}

/// <summary>The policy's answer for one day.</summary>
/// <param name="Today">The day (ICT).</param>
/// <param name="IsWorkingDay">False: nothing is sent on a day off.</param>
/// <param name="Notifications">What to send, ordered by recipient, then last day, then item.</param>
/// <param name="Problems">Things an operator should fix (unknown unit, unit without head, signer not configured, bad address), in
/// Vietnamese.</param>
public sealed record EscalationPlan(
    DateOnly Today,
    bool IsWorkingDay,
    IReadOnlyList<EscalationNotification> Notifications,
    IReadOnlyList<string> Problems)
{
    /// <summary>Notifications grouped per recipient (one digest each), in recipient order.</summary>
    public IEnumerable<IGrouping<string, EscalationNotification>> ByRecipient() =>
        Notifications.GroupBy(n => n.Recipient.Key, StringComparer.Ordinal);
}
