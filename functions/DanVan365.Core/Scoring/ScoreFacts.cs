using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;

namespace DanVan365.Core.Scoring;

/// <summary>What the score rests on for one task and one unit that leads or coordinates it.</summary>
public sealed record TaskFact(string TaskCode, string Section, string UnitCode, TaskRole Role, TimeFrameKind? Kind,
    DateOnly? LastDay, DateOnly? CompletedOn);

/// <summary>The facts the calculator reads.</summary>
public sealed record ScoreFacts(int Year, IReadOnlyList<TaskFact> Tasks);
