using DanVan365.Core.Lockdown;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Lockdown;

/// <summary>The protections report's pure parts: the directory's object ids, the lists as Graph shows them, the rendering.</summary>
public class WardProtectionsTests
{
    [Fact]
    public void Directory_BundledDirectory_EveryoneHasObjectIdInPlace()
    {
        var check = Assert.Single(WardProtections.Directory(Bundled.Units));

        Assert.Equal(ProtectionState.InPlace, check.State);
    }

    [Fact]
    public void Directory_PeopleWithoutObjectId_MissingNamingTheirUnitsNotTheirAddresses()
    {
        var bundled = Bundled.Units;
        var units = new UnitDirectory(bundled.Units, bundled.Groups, bundled.Rules,
            [.. bundled.People.Select(p => p.Unit == "VHXH" ? p with { ObjectId = null } : p)]);

        var check = Assert.Single(WardProtections.Directory(units));

        Assert.Equal(ProtectionState.Missing, check.State);
        Assert.Contains("VHXH", check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("@", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_AllPresentHiddenAsDefined_AllInPlace()
    {
        var lists = SiteSchema.All.Select(l => new SiteListState(l.DisplayName, l.Hidden, "https://x/" + l.Key)).ToList();

        var checks = WardProtections.Lists(lists).ToList();

        Assert.Equal(SiteSchema.All.Count, checks.Count);
        Assert.All(checks, c => Assert.Equal(ProtectionState.InPlace, c.State));
    }

    [Fact]
    public void Lists_HiddenListShownAndOneMissing_BothMissing()
    {
        var lists = SiteSchema.All.Where(l => l != SiteSchema.Proposals)
            .Select(l => new SiteListState(l.DisplayName, Hidden: false, null)).ToList();

        var missing = WardProtections.Lists(lists).Where(c => c.State == ProtectionState.Missing).Select(c => c.Key).ToList();

        var expected = SiteSchema.All.Where(l => l.Hidden || l == SiteSchema.Proposals).Select(l => "list:" + l.Key);
        Assert.Equal(expected.Order(), missing.Order());
    }

    [Fact]
    public void Render_Checks_OneVietnameseLinePerCheckAndTotals()
    {
        var checks = WardProtections.Directory(Bundled.Units).Concat(WardProtections.Unverifiable()).ToList();

        var text = WardProtections.Render("Phường Hải An", checks);

        Assert.StartsWith("Kiểm tra các lớp bảo vệ — Phường Hải An", text, StringComparison.Ordinal);
        Assert.Contains("[chưa kiểm chứng]   Thành viên chỉ được đọc các danh sách hệ thống: ", text, StringComparison.Ordinal);
        Assert.Contains("infra/lockdown-permissions.sh", text, StringComparison.Ordinal);
        Assert.EndsWith("Tổng: 1 đã có, 0 thiếu, 4 chưa kiểm chứng được." + Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SealKeySource.Configured, ProtectionState.InPlace)]
    [InlineData(SealKeySource.Rotating, ProtectionState.InPlace)]
    [InlineData(SealKeySource.LocalDerived, ProtectionState.InPlace)]
    [InlineData(SealKeySource.Missing, ProtectionState.Missing)]
    public void SealKey_Source_StateAndAVietnameseDetail(SealKeySource source, ProtectionState expected)
    {
        var check = WardProtections.SealKey(source);

        Assert.Equal("integrity.seal-key", check.Key);
        Assert.Equal(expected, check.State);
        Assert.False(string.IsNullOrWhiteSpace(check.Detail));
        if (source == SealKeySource.Missing)
        {
            Assert.Contains("Key Vault", check.Detail, StringComparison.Ordinal);
        }
    }
}
