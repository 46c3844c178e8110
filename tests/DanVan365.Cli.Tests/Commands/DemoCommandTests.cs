using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities;
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
