using DanVan365.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace DanVan365.Cli.Tests.Commands;

public class EscalateCommandTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))));

    private static string Summary(string output) => output.TrimEnd().Split('\n')[^1].TrimEnd('\r');

    [Fact]
    public async Task Escalate_LocalTwiceSameDay_MailInOutboxOnceThenSkipped()
    {
        using var data = new TempDir();
        var sync = await Run("sync", TestData.DecisionTextPath, "--data", data.Path, "--as-of", "2026-02-23");
        Assert.Equal(0, sync.Exit);

        var dry = await Run("escalate", TestData.DecisionTextPath, "--data", data.Path, "--as-of", "2026-02-23", "--dry-run");
        Assert.Equal(0, dry.Exit);
        Assert.Contains("sẽ gửi\t", dry.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(data.Path, "outbox")) && Directory.GetFiles(Path.Combine(data.Path,
            "outbox")).Length > 0);

        var first = await Run("escalate", TestData.DecisionTextPath, "--data", data.Path, "--as-of", "2026-02-23");
        var second = await Run("escalate", TestData.DecisionTextPath, "--data", data.Path, "--as-of", "2026-02-23");

        Assert.Equal(0, first.Exit);
        Assert.Equal(Summary(dry.Out), Summary(first.Out));
        Assert.Matches(@"^escalate: recipients=(\d+) messages=\1 items=\d+ skipped=0$", Summary(first.Out));
        Assert.Contains("đã gửi\tĐỗ Văn Nam <vhxh.chuyenvien1@haian.example.vn>\t[Dân vận] ", first.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Kính gửi", first.Out, StringComparison.Ordinal);
        var files = Directory.GetFiles(Path.Combine(data.Path, "outbox"), "*.eml");
        var messages = int.Parse(System.Text.RegularExpressions.Regex.Match(Summary(first.Out), @"messages=(\d+)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(messages, files.Length);
        var mail = await MimeMessage.LoadAsync(files[0]);
        Assert.StartsWith("[Dân vận] ", mail.Subject, StringComparison.Ordinal);
        Assert.NotNull(mail.HtmlBody);
        Assert.NotNull(mail.TextBody);

        Assert.Equal(0, second.Exit);
        Assert.Matches(@"^escalate: recipients=0 messages=0 items=0 skipped=[1-9]\d*$", Summary(second.Out));
        Assert.Equal(files.Length, Directory.GetFiles(Path.Combine(data.Path, "outbox"), "*.eml").Length);
    }

    [Fact]
    public async Task Escalate_DayOff_SaysSoAndSendsNothing()
    {
        using var data = new TempDir();
        Assert.Equal(0, (await Run("sync", TestData.DecisionTextPath, "--data", data.Path, "--as-of", "2026-02-17")).Exit);

        var result = await Run("escalate", TestData.DecisionTextPath, "--data", data.Path, "--as-of", "2026-02-17");

        Assert.Equal(0, result.Exit);
        Assert.Contains("17/02/2026 là ngày nghỉ", result.Out, StringComparison.Ordinal);
        Assert.Equal("escalate: recipients=0 messages=0 items=0 skipped=0", Summary(result.Out));
    }

    [Fact]
    public async Task Escalate_BadAsOf_ExitsTwo()
    {
        var result = await Run("escalate", "--as-of", "23/02/2026");

        Assert.Equal(2, result.Exit);
    }
}
