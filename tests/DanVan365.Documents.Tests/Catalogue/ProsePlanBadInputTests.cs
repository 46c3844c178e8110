using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue;

/// <summary>A prose plan with bad input is refused with file:line (paragraph number for Word) and a Vietnamese explanation.</summary>
public class ProsePlanBadInputTests
{
    private static readonly UnitDirectory Units = UnitDirectory.LoadDefault();

    [Fact]
    public void Import_TaskWithoutLeadUnit_RefusedAtTheTask()
    {
        var lines = Fixture();
        var task = Find(lines, "1.3. Tuyên truyền");
        lines.RemoveAt(Find(lines, "- Chủ trì: Trung tâm dịch vụ sự nghiệp công."));

        var ex = Refused(lines, "kh-45.txt");

        Assert.Equal($"kh-45.txt:{task + 1}: task 1.3 has no lead unit: expected a line \"Cơ quan chủ trì: …\" below it or " +
            "\"giao <unit> chủ trì …\" in it (nhiệm vụ 1.3 chưa có cơ quan chủ trì)", ex.Message);
    }

    [Fact]
    public void Import_UnknownUnitPhrase_RefusedAtItsLine()
    {
        var lines = Fixture();
        var at = Find(lines, "khi Nhà nước thu hồi đất trên địa bàn phường. Giao Ban QLDAĐTXD");
        lines[at] = lines[at].Replace("Ban QLDAĐTXD", "Ban Quản lý chợ Hải An", StringComparison.Ordinal);

        var ex = Refused(lines, "kh-45.txt");

        Assert.Equal(at + 1, ex.Line);
        Assert.Contains("task 3.3: lead unit phrase \"Ban Quản lý chợ Hải An\" is not in the unit directory", ex.Reason,
            StringComparison.Ordinal);
        Assert.Contains("không có trong danh mục đơn vị", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BadTimeFrame_RefusedAtItsLine()
    {
        var lines = Fixture();
        var at = Find(lines, "- Thời gian thực hiện: Tháng 8/2026.");
        lines[at] = "- Thời gian thực hiện: Tháng 13/2026.";

        var ex = Refused(lines, "kh-45.txt");

        Assert.Equal(at + 1, ex.Line);
        Assert.Contains("Tháng 13/2026", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("(thời gian thực hiện không có thật)", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_PlanWithoutTasks_Refused()
    {
        var lines = Fixture();
        var from = Find(lines, "II. NHIỆM VỤ, GIẢI PHÁP");
        var to = Find(lines, "III. TỔ CHỨC THỰC HIỆN");
        lines.RemoveRange(from, to - from);

        var ex = Refused(lines, "kh-45.txt");

        Assert.True(ex.Line > 0, ex.Message);
        Assert.Contains("the plan has no tasks", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("(kế hoạch không có nhiệm vụ nào)", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DocxTaskWithoutLeadUnit_LineIsTheParagraphNumber()
    {
        var lines = Fixture();
        lines.RemoveAt(Find(lines, "- Chủ trì: Trung tâm dịch vụ sự nghiệp công."));
        var docx = PlanDocxBuilder.FromText(lines);

        var ex = Assert.Throws<InvalidInputException>(() => Import(docx, "kh-45.docx"));

        Assert.Contains("task 1.3 has no lead unit", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("paragraph's number in the Word document (số dòng là số thứ tự đoạn văn trong tệp Word)", ex.Reason,
            StringComparison.Ordinal);
        Assert.InRange(ex.Line, 20, Find(lines, "1.3. Tuyên truyền"));
    }

    private static List<string> Fixture() => [.. File.ReadAllLines(TestData.PlanProsePath)];

    private static int Find(List<string> lines, string start)
    {
        var i = lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.True(i >= 0, "fixture line not found: " + start);
        return i;
    }

    private static InvalidInputException Refused(List<string> lines, string name) =>
        Assert.Throws<InvalidInputException>(() => Import(ProsePlanImporterTests.Bytes(lines), name));

    private static void Import(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        DecisionImporters.Import(stream, name, Units);
    }
}
