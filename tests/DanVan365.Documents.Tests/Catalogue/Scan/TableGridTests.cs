using DanVan365.Documents.Catalogue.Scan;
using DanVan365.TestUtilities.Documents.Scans;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>The table is found from its ruling lines: rows between horizontal rules, five columns, merged section rows.</summary>
public class TableGridTests
{
    [Fact]
    public void Find_RuledTable_RowsColumnsAndTheMergedSectionRow()
    {
        var grid = MadeScans.Grid();

        var found = TableGrid.Find(new GreyPage(grid.Width, grid.Height, grid.Grey), 128, 150);

        Assert.NotNull(found);
        Assert.Equal(4, found.Rows.Count);
        Assert.Equal([0, 1, 2, 3, 4], found.Rows[0].Cells.Select(c => c.FirstColumn));
        Assert.True(found.Rows[1].IsMerged);
        Assert.False(found.Rows[2].IsMerged);
        var title = found.Rows[2].Cells[1].Box;
        Assert.InRange(title.X, MadeScans.ColumnEdges[1] + 3, MadeScans.ColumnEdges[1] + 10);
        Assert.InRange(title.X + title.Width, MadeScans.ColumnEdges[2] - 10, MadeScans.ColumnEdges[2]);
        Assert.InRange(found.Top, MadeScans.RowRules[0], MadeScans.RowRules[0] + 3);
    }

    [Theory]
    [InlineData(150, 1)]
    [InlineData(300, 2)]
    public void Find_RuledTable_CellCutAPixelInsideItsRulesPer150Dpi(int dpi, int margin)
    {
        var grid = MadeScans.Grid();

        var found = TableGrid.Find(new GreyPage(grid.Width, grid.Height, grid.Grey), 128, dpi);

        // the made rules are 3 pixels thick: row 2 lies between the rules at RowRules[2] and RowRules[3]
        var title = Assert.IsType<PageGrid>(found).Rows[2].Cells[1].Box;
        Assert.Equal(MadeScans.RowRules[2] + 3 + margin, title.Y);
        Assert.Equal(MadeScans.RowRules[3] - margin, title.Y + title.Height);
    }

    [Fact]
    public void Find_TextWithoutRules_NoTable()
    {
        var page = MadeScans.TextOnly();

        Assert.Null(TableGrid.Find(new GreyPage(page.Width, page.Height, page.Grey), 128, 150));
    }

    // A short rule under the table at its left is the footnote separator: black, or grey as a browser prints <hr>
    // (lighter than the ink threshold, darker than halfway to white); a line of paper grey is none.
    [Theory]
    [InlineData(0, true)]
    [InlineData(170, true)]
    [InlineData(200, false)]
    public void Find_ShortRuleBelowTheTable_SeparatorUnlessPaperGrey(byte grey, bool separator)
    {
        var grid = MadeScans.Grid().Fill(MadeScans.ColumnEdges[0], 700, 250, 2, grey);

        var found = TableGrid.Find(new GreyPage(grid.Width, grid.Height, grid.Grey), 128, 150);

        Assert.NotNull(found);
        if (separator)
        {
            Assert.InRange(found.Separator ?? 0, 699, 702);
        }
        else
        {
            Assert.Null(found.Separator);
        }
    }
}
