using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Documents.Catalogue;
using DanVan365.Documents.Catalogue.Json;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue.Json;

public class JsonDecisionImporterTests
{
    private static RawCatalogue ReadBack(string json, string name = "ban-sao.json")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return JsonDecisionImporter.Read(stream, name);
    }

    private static RawCatalogue BundledRaw()
    {
        using var stream = File.OpenRead(TestData.DecisionTextPath);
        return TextDecisionImporter.Read(stream, TestData.DecisionTextPath, Bundled.Units);
    }

    [Fact]
    public void Read_CopyOfBundledDecision_EqualsOriginalEntryByEntry()
    {
        var original = BundledRaw();

        var copy = ReadBack(DecisionJsonCopy.Write(original));

        Assert.Equal(RawDump.Describe(original), RawDump.Describe(copy));
        Assert.Null(copy.Scan);
        Assert.Equal(31, copy.Entries.Count);
    }

    [Fact]
    public void Import_CopyOfBundledDecision_AssemblesToTheSameCatalogue()
    {
        using var dir = new TempDir();
        var path = dir.Write("qd-673.json", DecisionJsonCopy.Write(BundledRaw()));

        var catalogue = DecisionImporters.Import(path, Bundled.Units);

        Assert.IsType<JsonDecisionImporter>(DecisionImporters.ForName(path));
        Assert.Equal(CatalogueDump.Describe(Bundled.Catalogue), CatalogueDump.Describe(catalogue));
    }

    public static TheoryData<string> BundledForms => [TestData.DecisionTextPath, TestData.PlanProsePath, TestData.PlanAppendixPath];

    [Theory]
    [MemberData(nameof(BundledForms))]
    public void Import_CopyOfEachGenre_SameCatalogueAsTheOriginal(string path)
    {
        using var dir = new TempDir();
        var copy = dir.Write("ban-sao.json", DecisionJsonCopy.Write(DecisionImporters.ReadRaw(path, Bundled.Units)));

        var original = DecisionImporters.Import(path, Bundled.Units);
        var back = DecisionImporters.Import(copy, Bundled.Units);

        Assert.Equal(original.Genre, back.Genre);
        Assert.Equal(CatalogueDump.Describe(original), CatalogueDump.Describe(back));
    }

    [Fact]
    public void Read_ScannedCopy_KeepsCellsConfidenceAndReviews()
    {
        var scanned = ScannedCatalogues.HaiAn();
        var reviewed = ScannedCatalogues.Reviewed(scanned);

        var fresh = ReadBack(DecisionJsonCopy.Write(scanned));
        var back = ReadBack(DecisionJsonCopy.Write(reviewed));

        Assert.Equal(RawDump.Describe(scanned), RawDump.Describe(fresh));
        Assert.Equal(["2.6", "3.5.a", "4.1"], fresh.Scan!.NeedsReview.Select(c => c.Row).OrderBy(r => r, StringComparer.Ordinal));
        Assert.Empty(back.Scan!.NeedsReview);
        Assert.Equal(3, back.Scan.Cells.Count(c => c.Reviewed));
    }

    [Fact]
    public void Read_ClerkSetsReviewedInTheFile_CellNoLongerNeedsReview()
    {
        var json = DecisionJsonCopy.Write(ScannedCatalogues.HaiAn());
        var at = json.IndexOf("\"confidence\": 61", StringComparison.Ordinal);
        var edited = json[..at] + json[at..].ReplaceFirst("\"reviewed\": false", "\"reviewed\": true");

        var back = ReadBack(edited);

        Assert.DoesNotContain(back.Scan!.NeedsReview, c => c.Row == "2.6");
        Assert.Equal(2, back.Scan.NeedsReview.Count);
    }

    [Fact]
    public void Read_BadJson_ExitsWithFileAndLine()
    {
        var json = DecisionJsonCopy.Write(BundledRaw());
        var lines = json.Split('\n');
        lines[9] += ",,";

        var ex = Assert.Throws<InvalidInputException>(() => ReadBack(string.Join('\n', lines)));

        Assert.Equal("ban-sao.json", ex.File);
        Assert.Equal(10, ex.Line);
        Assert.Contains("tệp JSON không hợp lệ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownVersion_RefusedAtItsLine()
    {
        var json = DecisionJsonCopy.Write(BundledRaw()).Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal);

        var ex = Assert.Throws<InvalidInputException>(() => ReadBack(json));

        Assert.Equal(3, ex.Line);
        Assert.Contains("unknown version 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingMember_RefusedAtTheEntrysLine()
    {
        var json = DecisionJsonCopy.Write(BundledRaw());
        var at = json.IndexOf("\"code\": \"2.6\"", StringComparison.Ordinal);
        var edited = json[..at] + json[at..].ReplaceFirst("\"lead\": ", "\"leader\": ");
        var entryLine = json[..at].Count(c => c == '\n'); // the "{" line just above "code"

        var ex = Assert.Throws<InvalidInputException>(() => ReadBack(edited));

        Assert.Equal(entryLine + 5, ex.Line); // the "lead" member, five lines below the "{"
        Assert.Contains("unknown member \"leader\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongType_RefusedWithFileLine()
    {
        var json = DecisionJsonCopy.Write(ScannedCatalogues.HaiAn());
        var at = json.IndexOf("\"reviewed\": false", StringComparison.Ordinal);
        var edited = json[..at] + "\"reviewed\": \"có\"" + json[(at + "\"reviewed\": false".Length)..];

        var ex = Assert.Throws<InvalidInputException>(() => ReadBack(edited));

        Assert.Equal(json[..at].Count(c => c == '\n') + 1, ex.Line);
        Assert.Contains("must be true or false", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnotherJsonFile_RefusedAsNotACopy()
    {
        var ex = Assert.Throws<InvalidInputException>(() => ReadBack("{\"units\": []}\n"));

        Assert.Equal(1, ex.Line);
        Assert.Contains("unknown member \"units\"", ex.Message, StringComparison.Ordinal);
    }
}

internal static class StringEdits
{
    public static string ReplaceFirst(this string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        Assert.True(at >= 0, $"\"{what}\" not found");
        return text[..at] + with + text[(at + what.Length)..];
    }
}
