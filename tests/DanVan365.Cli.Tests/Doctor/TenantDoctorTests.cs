using DanVan365.Cli.Doctor;
using DanVan365.Cli.Target;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;

namespace DanVan365.Cli.Tests.Doctor;

/// <summary>
/// The deployment lines `danvan365 doctor --tenant` adds after the protections report, against the local Graph playing the
/// tenant (a --tenant file always targets a real tenant, so the session is opened on the local Graph's URL here).
/// </summary>
public class TenantDoctorTests
{
    [Fact]
    public async Task WriteAsync_ProvisionedLocalWard_GrantUnverifiedGroupAndPeopleInPlaceNothingMissing()
    {
        await using var harness = await WardHarness.StartAsync();
        var output = new StringWriter();

        await using (var provisioning = harness.NewSession())
        {
            await provisioning.Provisioner.EnsureAsync(SiteSchema.Folders(Bundled.Catalogue.Decision), CancellationToken.None);
        }

        bool missing;
        await using (var session = await Open(harness))
        {
            missing = await TenantDoctor.WriteAsync(session, harness.Ward.Units, "Phường Hải An", output, CancellationToken.None);
        }

        var text = output.ToString();
        Assert.False(missing, text);
        Assert.Contains("[đã có]             Danh sách của phường ở phiên bản cấu trúc hiện hành: mọi danh sách có và ở phiên bản ", text,
            StringComparison.Ordinal);
        Assert.StartsWith("Kiểm tra triển khai trên tổ chức — Phường Hải An", text, StringComparison.Ordinal);
        Assert.Contains("[chưa kiểm chứng]   Quyền của ứng dụng trên trang của phường (Sites.Selected): ", text, StringComparison.Ordinal);
        Assert.Contains("[đã có]             Nhóm Microsoft 365 của phường: có", text, StringComparison.Ordinal);
        Assert.Contains("[đã có]             Cán bộ trong danh bạ đơn vị có trong tổ chức (theo objectId): ", text,
            StringComparison.Ordinal);
        Assert.Contains("Tổng: 3 đã có, 0 thiếu, 3 chưa kiểm chứng được.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_DirectoryPersonNotInTheTenant_PeopleMissingNamingTheUnit()
    {
        await using var harness = await WardHarness.StartAsync();
        var text = File.ReadAllText(Path.Combine(TestData.RepoRoot, "functions", "DanVan365.Core", "Defaults", "HaiAn", "units.json"))
            .Replace("c664e2bc-8dc2-5dd9-ad1c-bc34ec8490a8", "0e6a3c1d-9b2f-4d7e-8a15-3c4b5d6e7f80", StringComparison.Ordinal);
        var units = UnitDirectory.FromJson(text, "units.json");
        var output = new StringWriter();

        bool missing;
        await using (var session = await Open(harness))
        {
            missing = await TenantDoctor.WriteAsync(session, units, "Phường Hải An", output, CancellationToken.None);
        }

        Assert.True(missing);
        Assert.Contains("[THIẾU]             Cán bộ trong danh bạ đơn vị có trong tổ chức (theo objectId): 1/", output.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ListsNotProvisioned_SchemaLineMissingSayingToSync()
    {
        await using var harness = await WardHarness.StartAsync();
        var output = new StringWriter();

        bool missing;
        await using (var session = await Open(harness))
        {
            missing = await TenantDoctor.WriteAsync(session, harness.Ward.Units, "Phường Hải An", output, CancellationToken.None);
        }

        Assert.True(missing);
        Assert.Contains("[THIẾU]             Danh sách của phường ở phiên bản cấu trúc hiện hành: có danh sách chưa tạo hoặc ở "
            + "phiên bản cũ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("danvan365 sync --tenant", output.ToString(), StringComparison.Ordinal);
    }

    private static Task<M365Session> Open(WardHarness harness) => M365Session.OpenAsync(
        new TargetSettings(Path.GetTempPath(), harness.Server.BaseUrl, null, null, null),
        CliServices.Build(CliServices.DefaultConfiguration(), harness.Clock), harness.Ward, harness.Clock, CancellationToken.None);
}
