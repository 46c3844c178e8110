using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue;

public class TextDecisionImporterTests
{
    private static readonly UnitDirectory Units = UnitDirectory.LoadDefault();
    private static readonly Lazy<TaskCatalogue> Bundled = new(() => new TextDecisionImporter().ImportFile(TestData.DecisionTextPath,
        Units));

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var e in HaiAnDecision.Entries)
        {
            data.Add(e.Code);
        }

        return data;
    }

    [Fact]
    public void Import_BundledDecision_Has31EntriesInOrder()
    {
        Assert.Equal(HaiAnDecision.Entries.Select(e => e.Code), Bundled.Value.Tasks.Select(t => t.Code));
        Assert.Equal(31, Bundled.Value.Tasks.Count);
        Assert.Equal(30, Bundled.Value.WorkItems.Count());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Import_BundledDecision_EntryMatchesDecision(string code)
    {
        var expected = HaiAnDecision.Entries.Single(e => e.Code == code);
        var task = Bundled.Value.Tasks.Single(t => t.Code == code);

        Assert.Equal(expected.Title, task.Title);
        Assert.Equal(expected.Lead, task.Lead.Text);
        Assert.Equal(expected.LeadUnits, task.Lead.Units);
        Assert.Equal(expected.Coordinating, task.Coordinating.Text);
        Assert.Equal(expected.CoordinatingUnits, task.Coordinating.Units);
        Assert.Equal(expected.Time, task.TimeFrame?.Text);
        Assert.Equal(expected.Kind, task.TimeFrame is null ? null : KindName(task.TimeFrame.Kind));
        Assert.Equal(expected.LastDay, task.TimeFrame?.LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(expected.Footnotes, task.Footnotes);
        var parts = code.Split('.');
        Assert.Equal(parts[0], task.Section);
        Assert.Equal(parts.Length == 3 ? parts[0] + "." + parts[1] : null, task.Parent);
    }

    [Fact]
    public void Import_BundledDecision_ReadsDecisionMetadata()
    {
        var d = Bundled.Value.Decision;
        Assert.Equal(HaiAnDecision.Number, d.Number);
        Assert.Equal(new DateOnly(2026, 2, 12), d.Date);
        Assert.Equal(HaiAnDecision.Issuer, d.Issuer);
        Assert.Equal(HaiAnDecision.Signer, d.Signer);
        Assert.Equal(HaiAnDecision.SignerCapacity, d.SignerCapacity);
        Assert.Equal("VHXH", d.AggregatingUnit);
        Assert.Collection(
            d.ReportingRounds,
            r => Assert.Equal((1, new DateOnly(2026, 9, 14)), (r.Round, r.LastDay)),
            r => Assert.Equal((2, new DateOnly(2026, 11, 19)), (r.Round, r.LastDay)));
    }

    [Fact]
    public void Import_BundledDecision_ReadsSectionsAndFootnote()
    {
        Assert.Equal(HaiAnDecision.Sections.Select(s => (s.Code, s.Title)), Bundled.Value.Sections.Select(s => (s.Code, s.Title)));
        var footnote = Assert.Single(Bundled.Value.Footnotes);
        Assert.Equal("1", footnote.Mark);
        Assert.Equal(HaiAnDecision.Footnote1, footnote.Text);
    }

    [Fact]
    public void Import_BundledDecision_KeepsOfficialTypos()
    {
        Assert.Contains("PHỔ BIỂN", Bundled.Value.Sections[0].Title, StringComparison.Ordinal);
        Assert.Contains("chuyển đổi sổ”", Bundled.Value.Tasks.Single(t => t.Code == "1.2").Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BundledDecision_HeadingHasNoUnitsOrTimeFrame()
    {
        var heading = Bundled.Value.Tasks.Single(t => t.Code == "3.5");
        Assert.True(heading.IsHeading);
        Assert.Null(heading.TimeFrame);
        Assert.Equal(UnitReference.Empty.Text, heading.Lead.Text);
    }

    [Fact]
    public void Import_ReissuedDecision_TasksAddedRemovedRewordedAndDifferentPageBreaks()
    {
        using var dir = new TempDir();
        var path = dir.Write("reissued.txt", DecisionVariants.Reissued());

        var catalogue = new TextDecisionImporter().ImportFile(path, Units);

        var codes = catalogue.Tasks.Select(t => t.Code).ToList();
        Assert.DoesNotContain("1.3", codes);
        Assert.Contains("4.12", codes);
        Assert.Equal(31, catalogue.Tasks.Count);
        var reworded = catalogue.Tasks.Single(t => t.Code == "2.2");
        Assert.Equal("Thực hiện công tác dân vận gắn với phát triển nhà ở xã hội trên địa bàn phường.", reworded.Title);
        var added = catalogue.Tasks.Single(t => t.Code == "4.12");
        Assert.Equal("Tổ chức hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân năm 2026.", added.Title);
        Assert.Equal(["VP"], added.Lead.Units);
        Assert.Equal(["MTTQ", "TDP"], added.Coordinating.Units);
        Assert.Equal(new DateOnly(2026, 6, 30), added.TimeFrame!.LastDay);
        // rows whose cells were cut by the moved page breaks
        var t44 = catalogue.Tasks.Single(t => t.Code == "4.4");
        Assert.Equal(HaiAnDecision.Entries.Single(e => e.Code == "4.4").Title, t44.Title);
        var t51 = catalogue.Tasks.Single(t => t.Code == "5.1");
        Assert.Equal("Tháng 11/2026", t51.TimeFrame!.Text);
        var t25 = catalogue.Tasks.Single(t => t.Code == "2.5");
        Assert.Equal(HaiAnDecision.Entries.Single(e => e.Code == "2.5").Coordinating, t25.Coordinating.Text);
        // everything not touched is unchanged
        foreach (var e in HaiAnDecision.Entries.Where(e => e.Code is not "1.3" and not "2.2"))
        {
            var t = catalogue.Tasks.Single(x => x.Code == e.Code);
            Assert.Equal((e.Title, e.Lead, e.Coordinating, e.Time), (t.Title, t.Lead.Text, t.Coordinating.Text, t.TimeFrame?.Text));
        }
    }

    [Fact]
    public void Import_CrLfAndBom_SameCatalogue()
    {
        using var dir = new TempDir();
        var text = "\uFEFF" + File.ReadAllText(TestData.DecisionTextPath).Replace("\n", "\r\n", StringComparison.Ordinal);
        var path = dir.Write("crlf.txt", text);

        var catalogue = new TextDecisionImporter().ImportFile(path, Units);

        Assert.Equal(CatalogueDump.Describe(Bundled.Value), CatalogueDump.Describe(catalogue));
    }

    internal static string KindName(TimeFrameKind kind) => kind switch
    {
        TimeFrameKind.Ongoing => "ongoing",
        TimeFrameKind.Before => "before",
        TimeFrameKind.Quarter => "quarter",
        TimeFrameKind.Month => "month",
        TimeFrameKind.Year => "year",
        _ => "year-onward",
    };
}
