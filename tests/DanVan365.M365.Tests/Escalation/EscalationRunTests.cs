using DanVan365.Core.Escalation;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using DanVan365.M365.Escalation;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Escalation;

/// <summary>The escalation run end to end: the real Graph adapter against the local Graph.</summary>
public class EscalationRunTests
{
    private static readonly EscalationSetup Setup = EscalationSetup.For(Catalogue, Units);

    /// <summary>Monday 23/02/2026, 08:00 ICT: the first working day after Tết; 1.2 and 3.5.a (last day 14/02) are 9 days overdue.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 2, 23, 1, 0, 0, TimeSpan.Zero);

    private static async Task<WardHarness> StartWardAsync(string? outbox = null)
    {
        return await SyncedWard.StartAsync(WardState.ListsSynced, Monday, outbox);
    }

    private static EscalationRun Run(WardHarness ward, WardHarness.Session session, IEscalationMailSender? sender = null) => new(
        session.Lists,
        new GraphNotificationLog(session.Site, session.Batches, session.Lists, session.Get<RecordSeal>()),
        sender ?? new GraphMailSender(session.Connection),
        ward.Clock,
        new SendPacer(ward.Clock),
        session.Get<IInterventionLog>(),
        session.Get<Core.Reporting.SubmissionReturns>(),
        session.Get<Core.Wards.WardRunDeadline>());

    private static async Task<EscalationRunReport> EscalateAsync(WardHarness ward, bool dryRun = false)
    {
        using var session = ward.NewSession();
        var links = await EscalationSiteLinks.ForSiteAsync(session.Site, CancellationToken.None);
        return await Run(ward, session).RunAsync(Setup, links, dryRun, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<CurrentRow>> LogRowsAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        return await session.Lists.ReadAsync(SiteSchema.Notifications, CancellationToken.None);
    }

    private static async Task PatchAssignmentAsync(WardHarness ward, string key, Dictionary<string, string?> fields)
    {
        using var session = ward.NewSession();
        var row = (await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None)).Single(r => r.Key == key);
        var result = await session.Lists.PatchAsync(SiteSchema.Assignments, [new RowPatch(key, row.ItemId, fields)],
            CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
    }

    [Fact]
    public async Task RunAsync_TwiceOnSameDay_SecondRunSendsNothing()
    {
        await using var ward = await StartWardAsync();

        var first = await EscalateAsync(ward);
        var mailsAfterFirst = ward.Server.GetStats().MailsSent;
        var second = await EscalateAsync(ward);

        Assert.True(first.Succeeded);
        Assert.True(first.Messages > 0);
        Assert.Equal(first.Messages, mailsAfterFirst);
        Assert.Equal(0, first.Skipped);
        Assert.Equal(0, second.Messages);
        Assert.Equal(first.Items, second.Skipped);
        Assert.Equal(mailsAfterFirst, ward.Server.GetStats().MailsSent);
        var rows = await LogRowsAsync(ward);
        Assert.Equal(first.Items, rows.Count);
        Assert.All(rows, r => Assert.Equal("sent", r.Fields["State"]));
        Assert.All(rows, r => Assert.Equal("2026-02-23", r.Fields["SentOn"]));
    }

    [Fact]
    public async Task RunAsync_AfterExecution503EveryFourth_NoNotificationMailedTwice()
    {
        await using var ward = await StartWardAsync();
        var dry = await EscalateAsync(ward, dryRun: true);
        var expected = dry.Digests.Sum(d => d.Digest.IdempotencyKeys.Count);
        ward.Server.SetFaults(new LocalM365.EmulatorFaults(RetryAfterSeconds: 0, ServerErrorEvery: 4, AfterExecution: true));

        await EscalateAsync(ward);
        await EscalateAsync(ward);

        ward.Server.SetFaults(null);
        var stats = ward.Server.GetStats();
        Assert.True(stats.ServerErrors > 0);
        var rows = await LogRowsAsync(ward);
        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(rows.Count, 1, expected);
        // At most once: no more mails than digests (each digest's rows are claimed before its mail, never twice).
        Assert.InRange(stats.MailsSent, 1, dry.Digests.Count);
    }

    [Fact]
    public async Task RunAsync_ThrottledEveryFourth_EveryDigestSentOnce()
    {
        await using var ward = await StartWardAsync();
        var dry = await EscalateAsync(ward, dryRun: true);
        // A 429 means the request was not processed (concepts/throttling.md): sendMail is repeated after Retry-After.
        ward.Server.SetFaults(new LocalM365.EmulatorFaults(ThrottleEvery: 4, RetryAfterSeconds: 0));

        var report = await EscalateAsync(ward);

        ward.Server.SetFaults(null);
        var stats = ward.Server.GetStats();
        Assert.True(stats.Throttled > 0);
        Assert.True(report.Succeeded, string.Join("\n", report.Digests.Select(d => d.Status + " " + d.Error)));
        Assert.Equal(dry.Digests.Count, stats.MailsSent);
        var rows = await LogRowsAsync(ward);
        Assert.Equal(dry.Digests.Sum(d => d.Digest.IdempotencyKeys.Count), rows.Count);
        Assert.All(rows, r => Assert.Equal("sent", r.Fields["State"]));
    }

    [Fact]
    public async Task RunAsync_TwoConcurrentRuns_SendEachNotificationOnce()
    {
        await using var ward = await StartWardAsync();
        var expected = (await EscalateAsync(ward, dryRun: true)).Digests.SelectMany(d => d.Digest.IdempotencyKeys).ToList();

        var reports = await Task.WhenAll(EscalateAsync(ward), EscalateAsync(ward));

        var sent = reports.SelectMany(r => r.Digests).Where(d => d.Status == DigestStatus.Sent).SelectMany(d => d.Digest.IdempotencyKeys)
            .ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, reports.Sum(r => r.Skipped));
        Assert.Equal(reports.Sum(r => r.Messages), ward.Server.GetStats().MailsSent);
        var rows = await LogRowsAsync(ward);
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal("sent", r.Fields["State"]));
    }

    [Fact]
    public async Task RunAsync_ScriptInTaskTitle_ArrivesAsTextInVietnameseMimeMail()
    {
        using var outbox = new TempDir();
        await using var ward = await StartWardAsync(outbox.Path);
        await PatchAssignmentAsync(ward, "3.5.a|VHXH", new() { ["TaskText"] = "Tổ chức <script>alert('x')</script> hội nghị" });

        var report = await EscalateAsync(ward);

        Assert.True(report.Succeeded);
        var files = Directory.GetFiles(outbox.Path, "*.eml");
        Assert.Equal(report.Messages, files.Length);
        var messages = new List<MimeMessage>();
        foreach (var file in files)
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }

        var mail = messages.Single(m => m.To.Mailboxes.Single().Address == "vhxh.chuyenvien1@haian.example.vn");
        Assert.Equal("Đỗ Văn Nam", mail.To.Mailboxes.Single().Name);
        Assert.StartsWith("[Dân vận] ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("quá hạn", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("ubnd@haian.example.vn", mail.From.Mailboxes.Single().Address);
        Assert.NotNull(mail.HtmlBody);
        Assert.NotNull(mail.TextBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Tổ chức &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; hội nghị", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Tổ chức <script>alert('x')</script> hội nghị", mail.TextBody, StringComparison.Ordinal);
        Assert.All(messages, m => Assert.Single(m.To.Mailboxes));
    }

    [Fact]
    public async Task RunAsync_CompletedAssignments_AreNotReminded()
    {
        await using var ward = await StartWardAsync();
        await PatchAssignmentAsync(ward, "3.5.a|VHXH", new() { ["CompletedOn"] = "2026-02-20" });
        // Done means a completion date (Core Status/Completion); a status word alone would be counted open by `status` too.
        await PatchAssignmentAsync(ward, "1.2|VP", new() { ["Status"] = "Hoàn thành quá hạn", ["CompletedOn"] = "2026-03-05" });
        await PatchAssignmentAsync(ward, "1.2|VHXH", new() { ["Status"] = "Hoàn thành đúng hạn" });

        var report = await EscalateAsync(ward);

        var items = report.Digests.SelectMany(d => d.Digest.Notifications).Select(n => n.Item.Key).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain("PC:3.5.a|VHXH", items);
        Assert.DoesNotContain("PC:1.2|VP", items);
        Assert.Contains("PC:1.2|VHXH", items);
    }

    [Fact]
    public async Task RunAsync_DryRun_SendsAndWritesNothing()
    {
        await using var ward = await StartWardAsync();
        var writes = ward.Server.GetStats().Writes;

        var report = await EscalateAsync(ward, dryRun: true);

        Assert.True(report.Messages > 0);
        Assert.All(report.Digests, d => Assert.Equal(DigestStatus.Planned, d.Status));
        Assert.Equal(0, ward.Server.GetStats().MailsSent);
        Assert.Equal(writes, ward.Server.GetStats().Writes);
        Assert.Empty(await LogRowsAsync(ward));
    }

    [Fact]
    public async Task RunAsync_SenderRefused_ReleasesClaimsAndStops()
    {
        await using var ward = await StartWardAsync();
        var options = ward.Options();
        options.SenderMailbox = "khong.ton.tai@haian.example.vn";
        var badConnection = GraphClientBuilder.Create(options, ward.Services.GetRequiredService<TenantResilienceRegistry>().For(options));
        using var badClient = badConnection.Client;
        var badSender = new GraphMailSender(badConnection);

        EscalationRunReport failed;
        using (var session = ward.NewSession())
        {
            failed = await Run(ward, session, badSender).RunAsync(Setup, null, dryRun: false, CancellationToken.None);
        }

        Assert.False(failed.Succeeded);
        Assert.Equal(DigestStatus.Rejected, failed.Digests[0].Status);
        Assert.All(failed.Digests.Skip(1), d => Assert.Equal(DigestStatus.NotAttempted, d.Status));
        Assert.Empty(await LogRowsAsync(ward));

        var retry = await EscalateAsync(ward);
        Assert.True(retry.Succeeded);
        Assert.Equal(failed.Digests.Count, retry.Messages);
    }

    [Fact]
    public async Task RunAsync_OtherRunClaimsBetweenReadAndClaim_ConflictDropsTakenItems()
    {
        await using var ward = await StartWardAsync();
        EscalationRunReport? other = null;
        // Run B runs whole just before run A's first write (its first claim), after A has read the log: A's creates meet the unique key.
        using var session = ward.NewSession(new BeforeFirstHandler(
            r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal),
            async () => other = await EscalateAsync(ward)));

        var late = await Run(ward, session).RunAsync(Setup, null, dryRun: false, CancellationToken.None);

        Assert.NotNull(other);
        Assert.True(other.Messages > 0);
        Assert.Equal(0, late.Messages);
        Assert.Equal(other.Items, late.Skipped);
        Assert.All(late.Digests, d => Assert.Equal(DigestStatus.Taken, d.Status));
        Assert.Equal(other.Messages, ward.Server.GetStats().MailsSent);
        Assert.Equal(other.Items, (await LogRowsAsync(ward)).Count);
    }
}
