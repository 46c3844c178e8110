namespace DanVan365.Functions.Triggers;

/// <summary>POST /api/rounds body (docs/api.md "Rounds"): lastDay yyyy-mm-dd; units and tasks are codes.</summary>
public sealed record AdHocRoundBody(string? Ward, string? Title, string? LastDay, IReadOnlyList<string>? Units,
    IReadOnlyList<string>? Tasks, string? RequestId);

/// <summary>A round as the API shows it: a decision round has no chosen units or tasks (null: all of them).</summary>
public sealed record RoundView(int Number, string Title, DateOnly LastDay, bool AdHoc, IReadOnlyList<string>? Units,
    IReadOnlyList<string>? Tasks, string? CreatedBy, DateTimeOffset? CreatedAt, IReadOnlyList<string> Templates);

/// <summary>A work item the form offers, with the units that lead or coordinate it.</summary>
public sealed record RoundTaskChoice(string Code, string Title, IReadOnlyList<string> Units);

/// <summary>GET /api/rounds answer: the rounds, whether the caller may create one, and the form's choices.</summary>
public sealed record RoundsBody(string Ward, bool CanCreate, IReadOnlyList<RoundView> Rounds, IReadOnlyList<CodeName> Units,
    IReadOnlyList<RoundTaskChoice> Tasks);
