using DanVan365.Core.Escalation;
using DanVan365.Core.Reporting;
using DanVan365.Core.Units;
using DanVan365.Core.Wards;
using DanVan365.M365.Client;
using DanVan365.M365.Composition;

namespace DanVan365.Functions.Configuration;

/// <summary>
/// A validated ward: its Graph options (tenant settings + the ward's site, group and mailbox), its unit directory and
/// its working calendar (holiday files per year), and how it closes its compiled report (<c>Wards:N:Report</c>; null: all from
/// the decision).
/// </summary>
public sealed record Ward(string Id, string Name, string PlanTitle, M365Options Graph, UnitDirectory Units, WardCalendar Calendar,
    ReportOptions? Report = null)
{
    /// <summary>The ward's scoring model (<c>Wards:N:ScoringFile</c>, validated at start-up; default the bundled one).</summary>
    public Core.Scoring.ScoringModel Scoring { get; init; } = Core.Scoring.ScoringModelJson.LoadDefault();

    /// <summary>What the ward's use cases are given (made once, on first use, after <see cref="Scoring"/> is set).</summary>
    public WardContext Context => field ??= new(Id, Name, PlanTitle, Units, Calendar)
    {
        Report = Report ?? new ReportOptions(),
        Scoring = Scoring,
    };

    /// <summary>What a ward scope is opened on (<see cref="IWardScopeFactory.Open"/>).</summary>
    public WardTarget Target => new(Context, Graph);

    /// <summary>What a scope answering a person (an HTTP call from the web part) is opened on: its requests go first.</summary>
    public WardTarget CallerTarget => Target with { Interactive = true };
}
