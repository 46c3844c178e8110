namespace DanVan365.Core.Catalogue;

/// <summary>The decision that issues the catalogue (its own metadata).</summary>
/// <param name="Number">e.g. "673/QĐ-UBND".</param>
/// <param name="Date">Signing date.</param>
/// <param name="Issuer">e.g. "Ủy ban nhân dân phường Hải An".</param>
/// <param name="Signer">e.g. "Bùi Quang Ngân".</param>
/// <param name="SignerCapacity">Signing capacity lines as written, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"].</param>
/// <param name="AggregatingUnit">Unit code of the unit that compiles the reports (e.g. "VHXH"); empty before resolution.</param>
/// <param name="ReportingRounds">Rounds in order.</param>
public sealed record Decision(
    string Number,
    DateOnly Date,
    string Issuer,
    string Signer,
    IReadOnlyList<string> SignerCapacity,
    string AggregatingUnit,
    IReadOnlyList<ReportingRound> ReportingRounds)
{
    /// <summary>
    /// The decision's "Nơi nhận" entries as written, without the dash and the final ";" or "." (e.g. "Như Điều 3",
    /// "CT, các PCT UBND phường", "Lưu: VT, VHXH"); empty when the decision has none or it was not found.
    /// </summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];
}

/// <summary>A reporting round; <see cref="LastDay"/> follows docs/architecture.md "Time frames" (15/9/2026 → 14/9).</summary>
public sealed record ReportingRound(int Round, DateOnly LastDay, string Text);

/// <summary>A top-level section of the catalogue ("1", "2", …).</summary>
public sealed record Section(string Code, string Title);

/// <summary>A lead or coordinating cell: the text as written (whitespace normalised, NFC) and the unit codes it resolves to.</summary>
public sealed record UnitReference(string Text, IReadOnlyList<string> Units)
{
    public static UnitReference Empty { get; } = new(string.Empty, []);

    /// <summary>
    /// The units the cell names with a follow-up role and that role ("Phòng Văn hóa - Xã hội tổng hợp, theo dõi chung":
    /// <see cref="DanVan365.Core.Units.ResolvedClause.FollowsUp"/>), in order; empty when none.
    /// </summary>
    public IReadOnlyList<FollowUp> FollowUp { get; init; } = [];
}

/// <summary>
/// The assigned unit that follows up a task whose lead is nobody the committee assigns (docs/architecture.md "Units"):
/// it owns the task's Phân công row and Planner task on the lead's behalf.
/// </summary>
/// <param name="UnitCode">The follow-up unit, e.g. "VHXH".</param>
/// <param name="Role">Its role as the decision words it ("tổng hợp, theo dõi chung"); the aggregating unit's when the cells
/// name none.</param>
public sealed record FollowUp(string UnitCode, string Role);

/// <summary>Kinds of time frame (docs/architecture.md "Time frames").</summary>
public enum TimeFrameKind
{
    Ongoing,
    Before,
    Quarter,
    Month,
    Year,
    YearOnward,
}

/// <summary>A time frame: the cell as written, its kind and its last allowed day (null for ongoing).</summary>
public sealed record TimeFrame(string Text, TimeFrameKind Kind, DateOnly? LastDay);

/// <summary>One catalogue entry (a task, a sub-item such as 3.5.a, or a heading such as 3.5).</summary>
public sealed record CatalogueTask(
    string Code,
    string Section,
    string? Parent,
    string Title,
    UnitReference Lead,
    UnitReference Coordinating,
    TimeFrame? TimeFrame,
    IReadOnlyList<string> Footnotes)
{
    /// <summary>A parent without units or time frame is a heading, not work.</summary>
    public bool IsHeading => TimeFrame is null && Lead.Text.Length == 0;

    /// <summary>
    /// The unit that follows the task up when its lead resolves to no unit the committee assigns (set by
    /// <see cref="CatalogueAssembler"/>, see <see cref="TaskOwners"/>); null when an assigned unit leads it.
    /// </summary>
    public FollowUp? FollowUp { get; init; }

    /// <summary>
    /// The units that answer for the task, whatever the committee's authority: its lead units, then the follow-up unit when
    /// there is one (the rows and Planner tasks go only to <see cref="TaskOwners.Of"/>).
    /// </summary>
    public IReadOnlyList<string> Holders => FollowUp is { } f && !Lead.Units.Contains(f.UnitCode, StringComparer.Ordinal)
        ? [.. Lead.Units, f.UnitCode]
        : Lead.Units;
}

/// <summary>A footnote: its mark ("1") and its text (legal basis).</summary>
public sealed record Footnote(string Mark, string Text);

/// <summary>The whole catalogue as imported from a decision.</summary>
public sealed record TaskCatalogue(
    Decision Decision,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<CatalogueTask> Tasks,
    IReadOnlyList<Footnote> Footnotes)
{
    /// <summary>What the import noticed but accepted (e.g. numbers a re-issued decision skips), in file order.</summary>
    public IReadOnlyList<CatalogueWarning> Warnings { get; init; } = [];

    /// <summary>The kind of document the catalogue was read from.</summary>
    public DocumentGenre Genre { get; init; }

    /// <summary>What OCR read, for a scanned decision (cells and confidence); null for a digital one.</summary>
    public ScanReading? Scan { get; init; }

    /// <summary>Tasks that are work (headings excluded).</summary>
    public IEnumerable<CatalogueTask> WorkItems => Tasks.Where(t => !t.IsHeading);
}

/// <summary>Something an import accepted but a person should know (file and line as for errors; the message in Vietnamese).</summary>
public sealed record CatalogueWarning(string File, int Line, string Message)
{
    public override string ToString()
        => Line > 0 ? $"{File}:{Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {Message}" : $"{File}: {Message}";
}
