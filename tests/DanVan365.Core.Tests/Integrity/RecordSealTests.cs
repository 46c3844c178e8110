using DanVan365.Core.Errors;
using DanVan365.Core.Integrity;

namespace DanVan365.Core.Tests.Integrity;

public class RecordSealTests
{
    private static readonly byte[] KeyA = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] KeyB = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    private static Dictionary<string, string?> Values(string lastDay = "2026-02-14") => new(StringComparer.Ordinal)
    {
        ["LastDay"] = lastDay,
        ["UnitName"] = "Phòng Văn hóa - Xã hội",
        ["ExtendedLastDay"] = null,
    };

    [Fact]
    public void Verify_ValuesSealedByTheApp_Valid()
    {
        var seal = new RecordSeal(KeyA);

        var stamp = seal.Seal("assignments", "3.5.a|VHXH", Values());

        Assert.StartsWith(RecordSeal.Prefix, stamp, StringComparison.Ordinal);
        Assert.Equal(SealCheck.Valid, seal.Verify("assignments", "3.5.a|VHXH", Values(), stamp));
    }

    [Fact]
    public void Verify_ValueEditedAfterSealing_Broken()
    {
        var seal = new RecordSeal(KeyA);
        var stamp = seal.Seal("assignments", "3.5.a|VHXH", Values());

        Assert.Equal(SealCheck.Broken, seal.Verify("assignments", "3.5.a|VHXH", Values("2026-12-31"), stamp));
    }

    [Theory]
    [InlineData("assignments", "3.5.a|TP")]
    [InlineData("tasks", "3.5.a|VHXH")]
    public void Verify_SealCopiedToAnotherRowOrList_Broken(string list, string rowKey)
    {
        var seal = new RecordSeal(KeyA);
        var stamp = seal.Seal("assignments", "3.5.a|VHXH", Values());

        Assert.Equal(SealCheck.Broken, seal.Verify(list, rowKey, Values(), stamp));
    }

    [Fact]
    public void Verify_SealMadeWithAnotherKey_Broken()
    {
        var stamp = new RecordSeal(KeyB).Seal("assignments", "k", Values());

        Assert.Equal(SealCheck.Broken, new RecordSeal(KeyA).Verify("assignments", "k", Values(), stamp));
    }

    [Fact]
    public void Verify_SealOfThePreviousKeyDuringRotation_ValidPreviousKey()
    {
        var stamp = new RecordSeal(KeyB).Seal("assignments", "k", Values());

        Assert.Equal(SealCheck.ValidPreviousKey, new RecordSeal(KeyA, KeyB).Verify("assignments", "k", Values(), stamp));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("s1.forged")]
    public void Verify_MissingLegacyOrForgedSeal_Broken(string? stamp)
    {
        Assert.Equal(SealCheck.Broken, new RecordSeal(KeyA).Verify("assignments", "k", Values(), stamp));
    }

    [Fact]
    public void Seal_EmptyAndMissingValueAlike_DifferFromText()
    {
        var seal = new RecordSeal(KeyA);
        var empty = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Notes"] = string.Empty };
        var missing = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Notes"] = null };
        var text = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Notes"] = "\u2400" };

        Assert.Equal(seal.Seal("l", "k", empty), seal.Seal("l", "k", missing));
        Assert.Equal(SealCheck.Broken, seal.Verify("l", "k", text, seal.Seal("l", "k", missing)));
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RecordSeal(new byte[16]));
    }

    [Theory]
    [InlineData("not base64!", null, "Integrity:SealKey")]
    [InlineData("AAAA", null, "Integrity:SealKey")]
    [InlineData(null, "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=", "Integrity:SealKey")]
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
        "Integrity:PreviousSealKey")]
    public void Validate_UnusableKeys_ConfigurationExceptionNamesTheSetting(string? key, string? previous, string setting)
    {
        var options = new IntegrityOptions { SealKey = key, PreviousSealKey = previous };

        var error = Assert.Throws<ConfigurationException>(options.Validate);

        Assert.Equal(setting, error.Setting);
    }
}
