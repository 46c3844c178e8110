namespace DanVan365.Core.Units;

/// <summary>A person in the directory (placeholder people in the defaults).</summary>
/// <param name="Email">Sign-in / e-mail address, e.g. "vhxh.truong@haian.example.vn".</param>
/// <param name="DisplayName">Vietnamese display name.</param>
/// <param name="Unit">Unit code, or null for people outside the units (e.g. the signer).</param>
/// <param name="Role">"head", "assignee", "signer", …</param>
/// <param name="Title">Job title as written, e.g. "Trưởng phòng".</param>
/// <param name="ObjectId">Entra ID object id (the token's "oid"), or null: the only key that authorizes a caller as this person.</param>
public sealed record Person(string Email, string DisplayName, string? Unit, string Role, string? Title, string? ObjectId = null);

/// <summary>A group phrase of the decision ("Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc") and the units it expands
/// to.</summary>
public sealed record UnitGroup(string Phrase, IReadOnlyList<string> Aliases, IReadOnlyList<string> Units, string? Note);

/// <summary>
/// The small grammar around unit names in a cell (see <see cref="UnitDirectory.Resolve"/>):
/// request prefixes ("đề nghị" — asking bodies outside the committee's authority), role suffixes
/// ("tổng hợp, theo dõi chung", "phối hợp thực hiện"), qualifier suffixes ("có liên quan") and conjunctions ("và").
/// <see cref="FollowUpSuffixes"/> are the role suffixes that name the unit following a task up ("tổng hợp, theo dõi chung"):
/// that unit owns a task whose lead is nobody the committee assigns (<see cref="Catalogue.TaskOwners"/>).
/// </summary>
public sealed record PhraseRules(
    IReadOnlyList<string> RequestPrefixes,
    IReadOnlyList<string> RoleSuffixes,
    IReadOnlyList<string> QualifierSuffixes,
    IReadOnlyList<string> Conjunctions)
{
    /// <summary>The follow-up role suffixes used when a directory file does not give its own (each is a role suffix).</summary>
    public static IReadOnlyList<string> DefaultFollowUpSuffixes { get; } =
        ["tổng hợp, theo dõi chung", "tổng hợp, đôn đốc, theo dõi", "theo dõi chung", "tổng hợp"];

    /// <summary>The rules used when a directory file does not give its own.</summary>
    public static PhraseRules Default { get; } = new(
        ["đề nghị"],
        ["tổng hợp, theo dõi chung", "tổng hợp, đôn đốc, theo dõi", "theo dõi chung", "phối hợp thực hiện", "phối hợp", "chủ trì",
            "tổng hợp", "thực hiện"],
        ["có liên quan", "liên quan"],
        ["và"]);

    /// <summary>
    /// Role suffixes that say a clause's units follow the task up ("tổng hợp, theo dõi chung"), a subset of
    /// <see cref="RoleSuffixes"/> (directory "followUpSuffixes"; default <see cref="DefaultFollowUpSuffixes"/>).
    /// </summary>
    public IReadOnlyList<string> FollowUpSuffixes { get; init; } = DefaultFollowUpSuffixes;

    /// <summary>True when a role suffix found in a clause is a follow-up role (compared on match keys).</summary>
    public bool IsFollowUp(string role) =>
        FollowUpSuffixes.Any(s => string.Equals(Text.VietnameseText.MatchKey(s), Text.VietnameseText.MatchKey(role),
            StringComparison.Ordinal));
}

/// <summary>One clause of a cell and what it resolved to.</summary>
/// <param name="Text">The clause as written.</param>
/// <param name="Units">Its unit codes.</param>
/// <param name="IsRequest">True when it starts with a request prefix ("đề nghị …").</param>
public sealed record ResolvedClause(string Text, IReadOnlyList<string> Units, bool IsRequest)
{
    /// <summary>
    /// The role suffixes the clause ends with, as the directory's phrase rules spell them, outermost first
    /// ("tổng hợp, theo dõi chung" for "Phòng Văn hóa - Xã hội tổng hợp, theo dõi chung"); empty when none.
    /// </summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>True when one of <see cref="Roles"/> is a follow-up role (<see cref="PhraseRules.FollowUpSuffixes"/>).</summary>
    public bool FollowsUp { get; init; }
}

/// <summary>Result of resolving a lead or coordinating cell.</summary>
/// <param name="Units">Unit codes, in order of first mention, without duplicates (empty when unresolved).</param>
/// <param name="Unresolved">The first phrase that matched nothing, or null when all resolved.</param>
/// <param name="ClosestAlias">The known name or alias closest to <paramref name="Unresolved"/>.</param>
public sealed record PhraseResolution(IReadOnlyList<string> Units, IReadOnlyList<ResolvedClause> Clauses, string? Unresolved,
    string? ClosestAlias)
{
    public bool IsResolved => Unresolved is null;
}
