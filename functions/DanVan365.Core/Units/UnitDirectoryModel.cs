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
/// </summary>
public sealed record PhraseRules(
    IReadOnlyList<string> RequestPrefixes,
    IReadOnlyList<string> RoleSuffixes,
    IReadOnlyList<string> QualifierSuffixes,
    IReadOnlyList<string> Conjunctions)
{
    /// <summary>The rules used when a directory file does not give its own.</summary>
    public static PhraseRules Default { get; } = new(
        ["đề nghị"],
        ["tổng hợp, theo dõi chung", "tổng hợp, đôn đốc, theo dõi", "theo dõi chung", "phối hợp thực hiện", "phối hợp", "chủ trì",
            "tổng hợp", "thực hiện"],
        ["có liên quan", "liên quan"],
        ["và"]);
}

/// <summary>One clause of a cell and what it resolved to.</summary>
public sealed record ResolvedClause(string Text, IReadOnlyList<string> Units, bool IsRequest);

/// <summary>Result of resolving a lead or coordinating cell.</summary>
/// <param name="Units">Unit codes, in order of first mention, without duplicates (empty when unresolved).</param>
/// <param name="Unresolved">The first phrase that matched nothing, or null when all resolved.</param>
/// <param name="ClosestAlias">The known name or alias closest to <paramref name="Unresolved"/>.</param>
public sealed record PhraseResolution(IReadOnlyList<string> Units, IReadOnlyList<ResolvedClause> Clauses, string? Unresolved,
    string? ClosestAlias)
{
    public bool IsResolved => Unresolved is null;
}
