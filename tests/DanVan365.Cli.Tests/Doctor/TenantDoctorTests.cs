using System.Text.Json;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.LocalM365;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Doctor;

/// <summary>
/// `danvan365 doctor --tenant FILE`: the deployment lines after the protections report, against the local Graph playing
/// the tenant (the tenant file points at it).
/// </summary>
public class TenantDoctorTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero))));

    [Fact]
    public async Task Doctor_TenantFileOfAProvisionedWard_DeploymentLinesGrantUnverifiedGroupAndPeopleInPlace()
    {
        await using var graph = await LocalGraphFixture.StartAsync();
        Assert.Equal(0, (await Run("provision", "--graph-url", graph.Server.BaseUrl)).Exit);
        using var dir = new TempDir();
        var tenant = dir.Write("tenant.json", JsonSerializer.Serialize(new
        {
            Local = true,
            GraphBaseUrl = graph.Server.BaseUrl,
            SiteUrl = $"https://{graph.Server.Tenant.SharePointHostname}{graph.Server.Tenant.WardSitePath}",
            GroupId = graph.Server.Tenant.WardGroupId,
        }));

        var (exit, output, err) = await Run("doctor", "--tenant", tenant);

        Assert.True(exit == 0, err + output);
        Assert.Contains("Kiểm tra triển khai trên tổ chức — ", output, StringComparison.Ordinal);
        Assert.Contains("[chưa kiểm chứng]   Quyền của ứng dụng trên trang của phường (Sites.Selected): ", output,
            StringComparison.Ordinal);
        Assert.Contains("[đã có]             Nhóm Microsoft 365 của phường: có", output, StringComparison.Ordinal);
        Assert.Contains("[đã có]             Cán bộ trong danh bạ đơn vị có trong tổ chức (theo objectId): ", output,
            StringComparison.Ordinal);
        Assert.Contains("Tổng: 2 đã có, 0 thiếu, 3 chưa kiểm chứng được.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_TenantFileWithAnUnknownGroup_GroupMissingExitOne()
    {
        await using var graph = await LocalGraphFixture.StartAsync();
        Assert.Equal(0, (await Run("provision", "--graph-url", graph.Server.BaseUrl)).Exit);
        using var dir = new TempDir();
        var tenant = dir.Write("tenant.json", JsonSerializer.Serialize(new
        {
            Local = true,
            GraphBaseUrl = graph.Server.BaseUrl,
            SiteUrl = $"https://{graph.Server.Tenant.SharePointHostname}{graph.Server.Tenant.WardSitePath}",
            GroupId = "5d0c9a3e-1b2f-4c6d-8e7f-90a1b2c3d4e5",
        }));

        var (exit, output, _) = await Run("doctor", "--tenant", tenant);

        Assert.Equal(1, exit);
        Assert.Contains("[THIẾU]             Nhóm Microsoft 365 của phường: không tìm thấy", output, StringComparison.Ordinal);
    }
}
