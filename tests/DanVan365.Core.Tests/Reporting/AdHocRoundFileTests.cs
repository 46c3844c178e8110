using System.Text;
using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>The rounds file: what the app wrote verifies; an entry a person edits or adds does not.</summary>
public class AdHocRoundFileTests
{
    private const string Path = "2026/Đợt báo cáo.json";
    private static readonly RecordSeal Seal = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private static readonly ReportRound Round = new(3, "Báo cáo đột xuất về nhà ở xã hội", new DateOnly(2026, 6, 20), true)
    {
        Units = ["KTHTDT"],
        Tasks = ["2.2"],
        CreatedBy = "vhxh.truong@haian.example.vn",
        CreatedAt = new DateTimeOffset(2026, 6, 1, 2, 3, 4, TimeSpan.Zero),
        RequestId = "abc",
    };

    private static SealCheck Check(StoredRound stored) => Seal.Verify(AdHocRoundFile.SealList,
        AdHocRoundFile.RowKey(Path, stored.Round.Number), AdHocRoundFile.SealedValues(stored.Round), stored.Seal);

    [Fact]
    public void Read_WrittenSealed_SameRoundAndSealVerifies()
    {
        var content = AdHocRoundFile.Write([AdHocRoundFile.Entry(Round, Seal, Path)]);

        var stored = Assert.Single(AdHocRoundFile.Read(content, Path));

        Assert.Equal(Round, stored.Round);
        Assert.Equal(SealCheck.Valid, Check(stored));
    }

    [Theory]
    [InlineData("\"KTHTDT\"", "\"VP\"")]
    [InlineData("2026-06-20", "2026-12-31")]
    [InlineData("\"number\": 3", "\"number\": 4")]
    public void Read_ValueEditedByAPerson_SealFails(string from, string to)
    {
        var text = Encoding.UTF8.GetString(AdHocRoundFile.Write([AdHocRoundFile.Entry(Round, Seal, Path)]));
        Assert.Contains(from, text, StringComparison.Ordinal);

        var stored = Assert.Single(AdHocRoundFile.Read(Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal)), Path));

        Assert.Equal(SealCheck.Broken, Check(stored));
    }

    [Fact]
    public void Read_EntryWithoutSeal_SealFails()
    {
        var stored = Assert.Single(AdHocRoundFile.Read(ReportRounds.Serialize([Round]), Path));

        Assert.Equal(Round, stored.Round);
        Assert.Equal(SealCheck.Broken, Check(stored));
    }

    [Fact]
    public void Read_NotTheFormat_InvalidInputWithThePath()
    {
        var error = Assert.Throws<Errors.InvalidInputException>(() => AdHocRoundFile.Read("{}"u8.ToArray(), Path));

        Assert.Contains(Path, error.Message, StringComparison.Ordinal);
    }
}
