using DanVan365.Documents.Reporting;
using DanVan365.LocalM365;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.LocalM365;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace DanVan365.Cli.Tests.Commands;

public class DemoCommandTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero))));

    [Fact]
    public async Task Demo_FreshData_RunsTheWholeCycleAndNamesReportAndOutbox()
    {
        using var dir = new TempDir();
        var data = dir.File("data");

        var (exit, output, err) = await Run("demo", "--data", data);

        Assert.True(exit == 0, err);
        Assert.Contains("ngày 15/09/2026", output, StringComparison.Ordinal);
        Assert.Contains("[8/8]", output, StringComparison.Ordinal);
        Assert.Contains("Teams: Đã ghim thẻ trang web mở danh sách Nhiệm vụ dân vận", output, StringComparison.Ordinal);
        var report = Path.Combine(data, "bao-cao", "Bao-cao-Dot-1.docx");
        Assert.Contains(report, output, StringComparison.Ordinal);
        var text = TemplateFiller.AllText(await File.ReadAllBytesAsync(report));
        Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
        Assert.Contains("[DỮ LIỆU MẪU] Phòng Văn hóa - Xã hội đã triển khai nhiệm vụ 3.5.a", text, StringComparison.Ordinal);
        Assert.Contains("Trung tâm phục vụ hành chính công", output.Split("Chưa báo cáo:")[1], StringComparison.Ordinal);
        var mails = Directory.GetFiles(Path.Combine(data, "outbox"), "*.eml");
        Assert.NotEmpty(mails);
        var message = await MimeMessage.LoadAsync(mails[0]);
        Assert.StartsWith("[Dân vận]", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_SampleReturns_LastModifiedByTheUnitsHead()
    {
        using var dir = new TempDir();
        var data = dir.File("data");
        Assert.Equal(0, (await Run("demo", "--data", data)).Exit);

        await using var server = await LocalGraphServer.StartAsync(new LocalGraphServerOptions { DataDirectory = data });
        var client = LocalGraphFixture.CreateClient(server);
        var site = server.Tenant.WardSiteId;
        var library = (await client.Sites[site].Lists.GetAsync())!.Value!.Single(l => l.DisplayName == "Báo cáo dân vận");
        var drive = (await client.Sites[site].Lists[library.Id].Drive.GetAsync())!.Id;
        var returns = (await client.Drives[drive].Items["root:/2026/Đợt 1/Nộp:"].Children.GetAsync())!.Value!;

        // Issue 13: a return counts only if one of the unit's people last modified it; the demo uploads as the head.
        var vhxh = returns.Single(f => f.Name == "Bao-cao-Dot-1-VHXH.docx");
        Assert.Equal("39bf89d8-f4a4-551c-9ff8-c6f1f6c5973d", vhxh.LastModifiedBy!.User!.Id);
        Assert.Equal("Phạm Thị Hồng", vhxh.LastModifiedBy.User.DisplayName);
        Assert.Equal(3, returns.Count(f => f.LastModifiedBy?.User?.Id is not null));
    }

    [Fact]
    public async Task Demo_SecondRun_ChangesNothingAndSendsNothingNew()
    {
        using var dir = new TempDir();
        var data = dir.File("data");
        await Run("demo", "--data", data);
        var mails = Directory.GetFiles(Path.Combine(data, "outbox")).Length;

        var (exit, output, _) = await Run("demo", "--data", data);

        Assert.Equal(0, exit);
        Assert.Contains("tạo 0, cập nhật 0, không đổi 87", output, StringComparison.Ordinal);
        Assert.Contains("(0 thư cho 0 người", output, StringComparison.Ordinal);
        Assert.Equal(mails, Directory.GetFiles(Path.Combine(data, "outbox")).Length);
    }

    [Fact]
    public async Task Demo_WithTenant_RefusedWithExitTwo()
    {
        using var dir = new TempDir();
        var tenant = dir.Write("tenant.json", "{}");

        var (exit, output, err) = await Run("demo", "--tenant", tenant);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("local", err, StringComparison.Ordinal);
    }
}
