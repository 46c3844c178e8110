using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Core.Tests.Sync;

public class TaskRowTests
{
    private static readonly TaskCatalogue Catalogue = CatalogueReissue.Original;

    [Fact]
    public void For_SubItemWithDeadline_CarriesTypedValues()
    {
        var row = RowFor("3.5.a");

        Assert.Equal("3.5.a", row.Code);
        Assert.Equal("3.5", row.ParentCode);
        Assert.Equal(TimeFrameKind.Before, row.TimeFrameKind);
        Assert.Equal(new DateOnly(2026, 2, 14), row.LastDay);
        Assert.False(row.IsHeading);
        Assert.NotEmpty(row.LeadUnits);
        Assert.Equal(Catalogue.Decision.Number, row.DecisionNumber);
    }

    [Fact]
    public void Fields_Heading_FlagsHeadingWithoutUnitsOrDeadline()
    {
        var fields = RowFor("3.5").Fields();

        Assert.Equal("true", fields[TaskColumns.IsHeading]);
        Assert.Null(fields[TaskColumns.LeadUnits]);
        Assert.Null(fields[TaskColumns.LastDay]);
        Assert.Null(fields[TaskColumns.TimeFrameKind]);
    }

    [Fact]
    public void Fields_TaskWithFootnotes_WritesEachFootnoteAsLegalBasis()
    {
        var task = Catalogue.Tasks.First(t => t.Footnotes.Count > 0);
        var mark = task.Footnotes[0];
        var text = Catalogue.Footnotes.Single(f => f.Mark == mark).Text;

        var fields = RowFor(task.Code).Fields();

        Assert.StartsWith($"({mark}) {text}", fields[TaskColumns.LegalBasis], StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_EveryColumn_IsASyncOwnedTaskColumn()
    {
        var fields = RowFor("1.1").Fields();

        Assert.All(fields.Keys, name => Assert.Equal(ColumnOwner.Sync, SiteSchema.Tasks.OwnerOf(name)));
        Assert.Equal(DesiredRows.ForTasks(Catalogue).Single(r => r.Key == "1.1").Fields, fields);
    }

    [Fact]
    public void From_RowWrittenFromFields_ReadsTheSameRowBack()
    {
        var written = RowFor("3.5.a");
        var stored = new Dictionary<string, string?>(written.Fields(), StringComparer.Ordinal)
        {
            [TaskColumns.Code] = "3.5.a",
            [SiteSchema.Archived] = "true",
            [TaskColumns.Notes] = "Đã giao chuyên viên",
        };

        var read = TaskRow.From(new CurrentRow("17", "3.5.a", "\"e1\"", stored));

        Assert.NotNull(read);
        Assert.Equal(written.Fields(), read.Fields());
        Assert.Equal(written.LeadUnits, read.LeadUnits);
        Assert.Equal("17", read.ItemId);
        Assert.True(read.Archived);
        Assert.Equal("Đã giao chuyên viên", read.Notes);
    }

    [Fact]
    public void From_NoCodeColumnNorKey_ReturnsNull()
    {
        var row = new CurrentRow("5", " ", null, new Dictionary<string, string?> { [TaskColumns.TaskText] = "Nội dung" });

        Assert.Null(TaskRow.From(row));
    }

    private static TaskRow RowFor(string code) =>
        TaskRow.For(Catalogue.Tasks.Single(t => t.Code == code), Catalogue.Decision.Number,
            Catalogue.Footnotes.ToDictionary(f => f.Mark, f => f.Text, StringComparer.Ordinal));
}
