using System.Diagnostics;
using System.Text;
using DanVan365.Core.Errors;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue;

public class BadInputTests
{
    private static InvalidInputException Import(string path) =>
        Assert.Throws<InvalidInputException>(() => DecisionImporters.Import(path, Bundled.Units));

    [Fact]
    public void Import_MissingFile_FileNotFound()
    {
        using var dir = new TempDir();
        var ex = Import(dir.File("nope.txt"));
        Assert.Equal(0, ex.Line);
        Assert.Contains("not found", ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith(dir.File("nope.txt") + ":0: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_EmptyFile_SaysEmpty()
    {
        using var dir = new TempDir();
        Assert.Contains("empty", Import(dir.Write("empty.txt", string.Empty)).Reason, StringComparison.Ordinal);
        Assert.Contains("empty", Import(dir.Write("blank.txt", "  \n\n \n")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BinaryData_SaysBinary()
    {
        using var dir = new TempDir();
        var ex = Import(dir.WriteBytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]));
        Assert.Contains("binary", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LegacyVietnameseEncoding_SaysNotUtf8AndNamesTcvn3AndVni()
    {
        using var dir = new TempDir();
        // "QUYẾT ĐỊNH" then a TCVN3 (ABC) line: single-byte Vietnamese letters above 0x7F are not valid UTF-8.
        var bytes = Encoding.ASCII.GetBytes("QUYET DINH\nban h\xb5nh\n".Select(c => c).Select(c => (char)c).ToArray()).ToList();
        bytes[15] = 0xB5;
        var ex = Import(dir.WriteBytes("tcvn3.txt", [.. bytes]));
        Assert.Equal(2, ex.Line);
        Assert.Contains("not UTF-8", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("TCVN3", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("VNI", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FileOver50MB_RefusedBySizeQuickly()
    {
        using var dir = new TempDir();
        var path = dir.File("huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(DecisionInput.MaxBytes + 1);
        }

        var watch = Stopwatch.StartNew();
        var ex = Import(path);
        Assert.Contains("50 MB", ex.Reason, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Import_NoCatalogueTable_SaysNoTable()
    {
        using var dir = new TempDir();
        var ex = Import(dir.Write("letter.txt", "QUYẾT ĐỊNH\n\nĐiều 1. Không có danh mục.\n"));
        Assert.Contains("no catalogue table", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assemble_DuplicateTaskCode_NamesCodeAndLine()
    {
        // The assembler's own check (used by every importer): a repeated code in what an importer read.
        using var file = File.OpenRead(TestData.DecisionTextPath);
        var raw = TextDecisionImporter.Read(file, TestData.DecisionTextPath, Bundled.Units);
        var entries = raw.Entries.ToList();
        entries.Insert(2, entries[1] with { Line = 999 });
        var ex = Assert.Throws<InvalidInputException>(() => Core.Catalogue.CatalogueAssembler.Assemble(raw with { Entries = entries },
            Bundled.Units));
        Assert.Contains("duplicate task code 1.2", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(999, ex.Line);
    }

    [Fact]
    public void Import_DuplicateTaskCodeInText_IsRejectedWithLine()
    {
        using var dir = new TempDir();
        // "1.2" typed twice: the second "1.2" is not the next expected code, so it cannot start a row silently.
        var text = DecisionVariants.WithLine(257, "1.2 ");
        var ex = Import(dir.Write("dup.txt", text));
        Assert.True(ex.Line > 0);
        Assert.Contains("1.2", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ImpossibleDate_NamesDateAndLine()
    {
        using var dir = new TempDir();
        var ex = Import(dir.Write("date.txt", DecisionVariants.WithLine(212, "30/02/2026 ")));
        Assert.Contains("30/02/2026", ex.Reason, StringComparison.Ordinal);
        Assert.InRange(ex.Line, 206, 212);
    }

    [Fact]
    public void Import_TaskWithoutTimeFrame_NamesTaskAndLine()
    {
        using var dir = new TempDir();
        var ex = Import(dir.Write("notime.txt", DecisionVariants.WithoutLines(279, 281)));
        Assert.Contains("task 1.3 has no time frame", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(257, ex.Line);
    }

    [Fact]
    public void Import_FileCutOffMidTable_SaysCutOff()
    {
        using var dir = new TempDir();
        var ex = Import(dir.Write("cut.txt", DecisionVariants.FirstLines(700)));
        Assert.Contains("cut off", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("3.5.c", ex.Reason, StringComparison.Ordinal);
        Assert.InRange(ex.Line, 690, 700);
    }

    [Fact]
    public void Import_UnknownUnitPhrase_NamesPhraseAndClosestAlias()
    {
        using var dir = new TempDir();
        var ex = Import(dir.Write("unit.txt", DecisionVariants.WithLine(562, "Ban QLDA XYZ ")));
        Assert.Contains("Ban QLDA XYZ", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("closest", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("Ban QLDA", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(562, ex.Line);
    }

    [Fact]
    public void Import_TimeFrameNotUnderstood_IsNotGuessed()
    {
        using var dir = new TempDir();
        var ex = Import(dir.Write("vague.txt", DecisionVariants.WithLine(808, "tầng và Đô thị Sớm nhất có thể")));
        Assert.Contains("4.2", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_PdfOrDoc_RefusedWithAdvice()
    {
        using var dir = new TempDir();
        Assert.Contains(".docx", Import(dir.Write("qd.pdf", "%PDF-1.7")).Reason, StringComparison.Ordinal);
        Assert.Contains(".docx", Import(dir.Write("qd.doc", "x")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DocxThatIsNotWord_SaysNotWord()
    {
        using var dir = new TempDir();
        Assert.Contains("not a Word document", Import(dir.Write("qd.docx", "plain text")).Reason, StringComparison.Ordinal);
    }
}
