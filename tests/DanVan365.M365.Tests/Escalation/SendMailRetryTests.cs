using System.Net;
using System.Text;
using DanVan365.Core.Escalation;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.M365.Escalation;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Escalation;

/// <summary>
/// sendMail is repeated only after a 429, once its Retry-After has passed (concepts/throttling.md: the request was not
/// processed); a 503 may come after the message left, so it is never repeated and the digest is reported unconfirmed
/// (issue 12, difference 11). The local Graph counts the mails it really sent.
/// </summary>
public class SendMailRetryTests
{
    private static readonly EscalationSetup Setup = EscalationSetup.For(Catalogue, Units);

    /// <summary>Monday 23/02/2026, 08:00 ICT: reminders are due.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 2, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_FirstSendMailThrottledWithRetryAfter_WaitsThenSendsOneMail()
    {
        await using var ward = await StartWardAsync();
        var wire = new FirstSendMailHandler(HttpStatusCode.TooManyRequests, forward: false, retryAfterSeconds: 2, ward.Clock);
        using var session = ward.NewSession(wire);

        // The wait is on the harness's clock: it ends at once, the clock moved on by it.
        var report = await Run(ward, session).RunAsync(Setup, null, dryRun: false, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(report.Succeeded, string.Join("\n", report.Digests.Select(d => d.Status + " " + d.Error)));
        Assert.All(report.Digests, d => Assert.Equal(DigestStatus.Sent, d.Status));
        Assert.Equal(report.Digests.Count + 1, wire.SendMails);
        Assert.Equal(report.Digests.Count, ward.Server.GetStats().MailsSent);
        // The second attempt went out once the Retry-After (2 s) had passed on the clock, not before, and not much after.
        Assert.InRange(wire.SentAt[1] - wire.SentAt[0], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task RunAsync_SendMailAnswered503AfterItLeft_NotRetriedReportedAndNeverSentAgain()
    {
        await using var ward = await StartWardAsync();
        var wire = new FirstSendMailHandler(HttpStatusCode.ServiceUnavailable, forward: true, retryAfterSeconds: 0, ward.Clock);
        EscalationRunReport first;
        using (var session = ward.NewSession(wire))
        {
            first = await Run(ward, session).RunAsync(Setup, null, dryRun: false, CancellationToken.None);
        }

        Assert.Equal(1, wire.SendMails);
        Assert.Equal(1, ward.Server.GetStats().MailsSent);
        Assert.False(first.Succeeded);
        var unconfirmed = first.Digests[0];
        Assert.Equal(DigestStatus.Unconfirmed, unconfirmed.Status);
        Assert.Contains("503", unconfirmed.Error, StringComparison.Ordinal);
        Assert.All(first.Digests.Skip(1), d => Assert.Equal(DigestStatus.NotAttempted, d.Status));

        EscalationRunReport second;
        using (var session = ward.NewSession())
        {
            second = await Run(ward, session).RunAsync(Setup, null, dryRun: false, CancellationToken.None);
        }

        // The mail that may have left is never sent again: its claims stay pending and count as sent.
        Assert.Equal(unconfirmed.Digest.Notifications.Count, second.Skipped);
        Assert.Equal(first.Digests.Count, ward.Server.GetStats().MailsSent);
        Assert.DoesNotContain(second.Digests, d => d.Digest.Recipient.Key == unconfirmed.Digest.Recipient.Key);
        using var check = ward.NewSession();
        var rows = await check.Lists.ReadAsync(SiteSchema.Notifications, CancellationToken.None);
        Assert.Equal(unconfirmed.Digest.Notifications.Count, rows.Count(r => r.Fields["State"] == "pending"));
    }

    private static async Task<WardHarness> StartWardAsync()
    {
        var ward = await WardHarness.StartAsync(Monday);
        using var session = ward.NewSession();
        var report = await session.CatalogueSync.RunAsync(Catalogue, Units, dryRun: false, CancellationToken.None);
        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        return ward;
    }

    private static EscalationRun Run(WardHarness ward, WardHarness.Session session) => new(
        session.Lists,
        new GraphNotificationLog(session.Site, session.Batches, session.Lists, session.Get<RecordSeal>()),
        new GraphMailSender(session.Connection),
        ward.Clock,
        new SendPacer(ward.Clock),
        session.Get<IInterventionLog>(),
        session.Get<Core.Reporting.SubmissionReturns>(),
        session.Get<Core.Wards.WardRunDeadline>());

    /// <summary>
    /// Answers the first sendMail with <paramref name="status"/>: before it reached the local Graph, or (forward) after
    /// the local Graph sent it, as a lost response. Counts every sendMail on the wire and when (on the clock) it went out.
    /// </summary>
    private sealed class FirstSendMailHandler(HttpStatusCode status, bool forward, int retryAfterSeconds, TimeProvider clock)
        : DelegatingHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset> _sentAt = new();
        private int _sendMails;

        public int SendMails => Volatile.Read(ref _sendMails);

        /// <summary>The clock's time of each sendMail, in order.</summary>
        public IReadOnlyList<DateTimeOffset> SentAt => [.. _sentAt];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/sendMail", StringComparison.Ordinal))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            _sentAt.Enqueue(clock.GetUtcNow());
            if (Interlocked.Increment(ref _sendMails) > 1)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            if (forward)
            {
                using var sent = await base.SendAsync(request, cancellationToken);
                Assert.True(sent.IsSuccessStatusCode);
            }

            var answer = new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = new StringContent(
                    $"{{\"error\":{{\"code\":\"{(int)status}\",\"message\":\"injected {(int)status}\"}}}}", Encoding.UTF8,
                    "application/json"),
            };
            answer.Headers.TryAddWithoutValidation("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo
                .InvariantCulture));
            return answer;
        }
    }
}
