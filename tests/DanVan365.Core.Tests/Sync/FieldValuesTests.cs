using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Sync;

public class FieldValuesTests
{
    [Theory]
    [InlineData(ColumnType.DateOnly, "2026-02-14T00:00:00Z", "2026-02-14")]
    [InlineData(ColumnType.DateOnly, "2026-02-14", "2026-02-14")]
    [InlineData(ColumnType.Boolean, null, "false")]
    [InlineData(ColumnType.Boolean, "True", "true")]
    [InlineData(ColumnType.Number, "50.0", "50")]
    [InlineData(ColumnType.Text, "", null)]
    public void Canonical_RawValue_CanonicalForm(ColumnType type, string? raw, string? expected)
    {
        Assert.Equal(expected, FieldValues.Canonical(type, raw));
    }

    [Fact]
    public void Canonical_NfdText_BecomesNfc()
    {
        var nfd = "Phòng Văn hóa".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("Phòng Văn hóa".Normalize(System.Text.NormalizationForm.FormC), FieldValues.Canonical(ColumnType.Text, nfd));
    }
}
