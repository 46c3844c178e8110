using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Status;

public class StatusReportTests
{
    private static CurrentRow Row(string code, string unit, string? lastDay, string? completedOn = null, bool archived = false) =>
        new("id-" + code + unit, code + "|" + unit, null, new Dictionary<string, string?>
        {
            ["TaskCode"] = code,
            ["UnitCode"] = unit,
            ["LastDay"] = lastDay,
            ["CompletedOn"] = completedOn,
            ["Archived"] = archived ? "true" : "false",
        });

    [Fact]
    public void Build_MixedRows_CountsPerUnitSectionAndTotal()
    {
        var units = Bundled.Units;
        Section[] sections = [new("1", "Mục một"), new("3", "Mục ba")];
        var rows = new[]
        {
            Row("1.2", "VHXH", "2026-02-14", "2026-02-10"),   // completed on time
            Row("1.3", "VHXH", "2026-02-14", "2026-02-20"),   // completed late
            Row("3.5.a", "VHXH", "2026-03-31"),               // in progress, on time
            Row("3.1", "KTHTDT", "2026-02-28"),               // overdue
            Row("1.1", "KTHTDT", null),                       // ongoing
            Row("3.2", "KTHTDT", "2026-01-01", archived: true),
        };

        var report = StatusReport.Build(rows, sections, units, new DateOnly(2026, 3, 2));

        var vhxh = report.Units.Single(u => u.Key == "VHXH");
        Assert.Equal("Phòng Văn hóa - Xã hội", vhxh.Name);
        Assert.Equal(1, vhxh.Count(StatusCategory.CompletedOnTime));
        Assert.Equal(1, vhxh.Count(StatusCategory.CompletedLate));
        Assert.Equal(1, vhxh.Count(StatusCategory.InProgressOnTime));
        var kthtdt = report.Units.Single(u => u.Key == "KTHTDT");
        Assert.Equal(1, kthtdt.Count(StatusCategory.InProgressOverdue));
        Assert.Equal(1, kthtdt.Ongoing);
        Assert.Equal(2, kthtdt.Total);
        Assert.Equal(["1", "3"], report.Sections.Select(s => s.Key));
        Assert.Equal(5, report.Totals.Total);
        Assert.Equal(1, report.Totals.Ongoing);
    }
}
