using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Integrity;

/// <summary>Issue 22: the sealed processed-file value of a library file remembers who wrote the content judged.</summary>
public class ProcessedStampTests
{
    private static readonly RecordSeal Seal = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private static readonly FileModifier Head = new("39bf89d8-f4a4-551c-9ff8-c6f1f6c5973d", "Phạm Thị Hồng");

    private static readonly FileModifier App = new(null, null, "app-id", "DanVan365");

    private static LibraryFile File(string version, string? stamp, FileModifier? by, string id = "item-1") => new(id,
        "2026/Đợt 1/Nộp/x.docx", "x.docx", version, 10, null,
        new Dictionary<string, string?>(StringComparer.Ordinal) { [LibraryNames.IngestedHash] = stamp }, "1", by);

    [Fact]
    public void ContentAuthor_SameContentAfterTheAppWroteColumns_TheAuthorJudgedThen()
    {
        var stamp = ProcessedStamp.Write(Seal, File("v1", null, Head), "cat", Head);
        var file = File("v1", stamp, App);

        var read = ProcessedStamp.Read(Seal, file, out var forged);

        Assert.False(forged);
        Assert.Equal(Head.UserId, ProcessedStamp.ContentAuthor(read, file, out var byOperator)!.UserId);
        Assert.False(byOperator);
        Assert.Equal("cat", read!.Context);
    }

    [Fact]
    public void ContentAuthor_ContentReplacedSince_GraphsLastModifiedByNow()
    {
        var stamp = ProcessedStamp.Write(Seal, File("v1", null, Head), "cat", Head);
        var file = File("v2", stamp, App);

        Assert.Same(App, ProcessedStamp.ContentAuthor(ProcessedStamp.Read(Seal, file, out _), file, out _));
    }

    [Theory]
    [InlineData("v1|cat")]
    [InlineData("v1|cat|u:39bf89d8-f4a4-551c-9ff8-c6f1f6c5973d|s1.AAAA")]
    public void Read_ValueTypedByAPerson_NullAndForged(string typed)
    {
        Assert.Null(ProcessedStamp.Read(Seal, File("v1", typed, App), out var forged));
        Assert.True(forged);
    }

    [Fact]
    public void Read_SealedValueCopiedFromAnotherFile_Forged()
    {
        var other = ProcessedStamp.Write(Seal, File("v1", null, Head, id: "item-2"), "cat", Head);

        Assert.Null(ProcessedStamp.Read(Seal, File("v1", other, App), out var forged));
        Assert.True(forged);
    }

    [Fact]
    public void Read_NoValue_NullNotForged()
    {
        Assert.Null(ProcessedStamp.Read(Seal, File("v1", null, App), out var forged));
        Assert.False(forged);
    }

    [Fact]
    public void Read_UploadedByTheOperator_ByOperatorWithoutAuthor()
    {
        var file = File("v1", null, App);
        var read = ProcessedStamp.Read(Seal, File("v1", ProcessedStamp.Write(Seal, file, "cat", App, byOperator: true), App), out _);

        Assert.True(read!.ByOperator);
        Assert.Null(read.Author);
    }
}
