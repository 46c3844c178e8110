using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Documents.Tests.Reporting;

/// <summary>The sample catalogue, its round 1, some submissions and the compiled report.</summary>
internal static class ReportSamples
{
    public static readonly TaskCatalogue Catalogue = ReportCatalogueBuilder.Sample();
    public static readonly ReportRound Round1 = ReportRound.FromDecision(Catalogue.Decision)[0];
    public static readonly DateOnly Date = new(2026, 9, 5);

    public static IReadOnlyList<Submission> Submissions { get; } =
        new[] { "VHXH", "KTHTDT", "VP", "BXDD" }.Select(u => ReportCatalogueBuilder.SampleSubmission(Catalogue, u)).ToList();

    public static CompiledReport Compile(DateOnly? date = null, WardIdentity? ward = null) => ReportCompiler.Compile(
        Catalogue,
        new Dictionary<string, StatusCategory> { ["1.2"] = StatusCategory.CompletedOnTime, ["3.5.b"] = StatusCategory.CompletedLate },
        Submissions,
        ReportCatalogueBuilder.SampleUnits(),
        Round1,
        date ?? Date,
        ward);

    private static readonly Lazy<byte[]> ReportBytes = new(() => ReportWriter.Write(Compile()));

    public static byte[] Report => ReportBytes.Value;

    public static UnitTemplateSpec Spec(string unit = "VHXH") =>
        ReportPlanner.TemplateFor(Catalogue, ReportCatalogueBuilder.SampleUnits(), Round1, unit);
}
