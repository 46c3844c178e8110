using DanVan365.Core.Escalation;
using DanVan365.Core.Units;

namespace DanVan365.Core.Wards;

/// <summary>
/// What the use cases of one ward need besides the ports: its id and name, the plan title, the unit directory and the
/// working calendar, all loaded and validated at the edge (the CLI from its options and tenant file, the Functions
/// from <c>Wards:N</c>).
/// </summary>
/// <param name="Id">Stable id (queue messages, logs), e.g. "hai-an".</param>
/// <param name="Name">The ward's name as people write it, e.g. "Phường Hải An".</param>
/// <param name="PlanTitle">Title of the ward's Planner plan.</param>
/// <param name="Units">The unit directory.</param>
/// <param name="Calendar">Working days, and the years holiday files cover.</param>
public sealed record WardContext(string Id, string Name, string PlanTitle, UnitDirectory Units, WardCalendar Calendar)
{
    /// <summary>How the ward closes its compiled report (recipients, signer, filing, place), validated at the edge.</summary>
    public Reporting.ReportOptions Report { get; init; } = new();

    /// <summary>
    /// How the ward scores its units (docs/scoring.md): the bundled model unless the ward's settings name a file
    /// (<c>Ward:ScoringFile</c>, <c>Wards:N:ScoringFile</c>), validated at the edge.
    /// </summary>
    public Scoring.ScoringModel Scoring { get; init; } = DanVan365.Core.Scoring.ScoringModelJson.LoadDefault();

    /// <summary>Who issues the reports and templates of <paramref name="decision"/> (<see cref="Reporting.WardIdentity.From"/>).</summary>
    public Reporting.WardIdentity IdentityFor(Catalogue.Decision decision) =>
        Reporting.WardIdentity.From(decision, Name, Report, Units);
}
