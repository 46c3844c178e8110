using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;

namespace DanVan365.M365.Tests.Lists;

/// <summary>Nhiệm vụ dân vận rows written by sync read back through the typed <see cref="TaskRow"/> as they were written.</summary>
public class TaskRowRoundTripTests
{
    private static readonly UnitDirectory Units = UnitDirectory.LoadDefault();
    private static readonly TaskCatalogue Catalogue = DecisionImporters.Import(TestData.DecisionTextPath, Units);

    [Fact]
    public async Task ReadAsync_AfterFirstSync_TypedRowsMatchTheCatalogue()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var report = await session.CatalogueSync.RunAsync(Catalogue, Units, dryRun: false, CancellationToken.None);
        Assert.True(report.Succeeded, string.Join("\n", report.Failures));

        var rows = (await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Select(TaskRow.From).OfType<TaskRow>()
            .ToDictionary(r => r.Code, StringComparer.Ordinal);

        var footnotes = Catalogue.Footnotes.ToDictionary(f => f.Mark, f => f.Text, StringComparer.Ordinal);
        Assert.Equal(Catalogue.Tasks.Count, rows.Count);
        Assert.All(Catalogue.Tasks, task =>
        {
            var read = rows[task.Code];
            Assert.Equal(TaskRow.For(task, Catalogue.Decision.Number, footnotes).Fields(), read.Fields());
            Assert.False(read.Archived);
            Assert.NotNull(read.ItemId);
        });
        Assert.Equal(new DateOnly(2026, 2, 14), rows["3.5.a"].LastDay);
        Assert.True(rows["3.5"].IsHeading);
    }
}
