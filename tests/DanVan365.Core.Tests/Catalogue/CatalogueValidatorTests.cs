using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Catalogue;

public class CatalogueValidatorTests
{
    private static readonly Decision Decision = new("1/QĐ-UBND", new DateOnly(2026, 1, 2), "UBND", "A", [], "VHXH", [new ReportingRound(1,
        new DateOnly(2026, 9, 14), "lần 1")]);
    private static readonly TimeFrame Year = new("Năm 2026", TimeFrameKind.Year, new DateOnly(2026, 12, 31));
    private static readonly UnitReference Lead = new("Phòng Văn hóa - Xã hội", ["VHXH"]);

    private static CatalogueTask Task(string code, string? parent = null, TimeFrame? time = null, UnitReference? lead = null,
        string[]? notes = null) =>
        new(code, "1", parent, "Nhiệm vụ " + code, lead ?? Lead, UnitReference.Empty, time ?? Year, notes ?? []);

    private static TaskCatalogue Catalogue(params CatalogueTask[] tasks) => new(Decision, [new Section("1", "MỤC")], tasks, []);

    [Fact]
    public void Validate_GoodCatalogue_NoProblems()
    {
        var heading = new CatalogueTask("1.2", "1", null, "Mục", UnitReference.Empty, UnitReference.Empty, null, []);
        Assert.Empty(CatalogueValidator.Validate(Catalogue(Task("1.1"), heading, Task("1.2.a", "1.2"))));
    }

    [Fact]
    public void Validate_DuplicateCode_Reported()
    {
        var problems = CatalogueValidator.Validate(Catalogue(Task("1.1"), Task("1.1")));
        Assert.Equal(1, Assert.Single(problems).Index);
        Assert.Contains("duplicate task code 1.1", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TaskWithoutTimeFrame_Reported()
    {
        var t = new CatalogueTask("1.1", "1", null, "x", Lead, UnitReference.Empty, null, []);
        Assert.Contains(CatalogueValidator.Validate(Catalogue(t)), p => p.Message.Contains("no time frame", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingParentSectionOrFootnote_Reported()
    {
        var orphan = Task("1.3.a", "1.3", notes: ["2"]) with { Section = "9" };
        var messages = CatalogueValidator.Validate(Catalogue(orphan)).Select(p => p.Message).ToList();
        Assert.Contains(messages, m => m.Contains("parent 1.3", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("section 9", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("footnote 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WorkWithoutLeadUnit_Reported()
    {
        Assert.Contains(CatalogueValidator.Validate(Catalogue(Task("1.1", lead: new UnitReference("x", [])))),
            p => p.Message.Contains("no lead unit", StringComparison.Ordinal));
    }

    [Fact]
    public void Assemble_UnresolvedLead_ThrowsWithLineAndClosestAlias()
    {
        var raw = new RawCatalogue(
            "qd.txt",
            new RawDecision("1/QĐ-UBND", new DateOnly(2026, 1, 2), "UBND", "A", [], null, 0, []),
            [new RawSection("1", "MỤC", 3)],
            [new RawEntry("1.1", "1", null, "Nhiệm vụ", "Phòng Văn hoá Xã hoi", string.Empty, "Năm 2026", [], 5, 7, 7, 9)],
            [],
            10);

        var ex = Assert.Throws<InvalidInputException>(() => CatalogueAssembler.Assemble(raw, Bundled.Units));

        Assert.Equal(7, ex.Line);
        Assert.Contains("Phòng Văn hoá Xã hoi", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("closest: \"Phòng Văn hóa", ex.Reason, StringComparison.Ordinal);
    }

    // A scan of the table alone is read without the decision's number and date; its assembly refuses it.
    [Fact]
    public void Assemble_NoDecisionNumber_Refused()
    {
        var raw = new RawCatalogue(
            "trang-2.png",
            new RawDecision(string.Empty, default, string.Empty, string.Empty, [], null, 0, []),
            [new RawSection("1", "MỤC", 3)],
            [new RawEntry("1.1", "1", null, "Nhiệm vụ", "Phòng Văn hóa - Xã hội", string.Empty, "Năm 2026", [], 5, 7, 7, 9)],
            [],
            10);

        var ex = Assert.Throws<InvalidInputException>(() => CatalogueAssembler.Assemble(raw, Bundled.Units));

        Assert.Equal(("trang-2.png", 0), (ex.File, ex.Line));
        Assert.Contains("decision number and date not found", ex.Reason, StringComparison.Ordinal);
    }
}
