using DanVan365.Core.Escalation;
using DanVan365.Core.Units;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using MimeKit;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Escalation;

/// <summary>
/// The bundled Hải An ward on its own dates, through the production use case (<see cref="WardEscalation"/>) and the real Graph
/// adapter against the local Graph: the units the committee only requests never climb the ladder.
/// </summary>
public class RequestedUnitsEscalationTests
{
    /// <summary>Monday 23/02/2026, 08:00 ICT: the ward as synced (the snapshot other escalation tests share).</summary>
    private static readonly DateTimeOffset Synced = new(2026, 2, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_EveryDayTo22September_NoLadderMailAboutARequestedUnitAndOneCourtesyEach()
    {
        using var outbox = new TempDir();
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, Synced, outbox.Path);
        var requested = Units.Units.Where(u => !u.IsAssigned).ToList();
        Assert.Superset(new HashSet<string>(["BXDD", "DUCQ", "MTTQ", "TDP", "DN"]), requested.Select(u => u.Code).ToHashSet());
        var signer = Units.People.Single(p => PersonRoles.Is(p.Role, PersonRoles.Signer)).Email.ToLowerInvariant();
        var vhxhHead = Units.Get("VHXH").Head!.ToLowerInvariant();

        // Every day from 01/09 (the first run catches up every item to its current rung) to Tuesday 22/09/2026, 08:00 ICT.
        var sent = new List<(DateOnly Day, EscalationDigest Digest)>();
        for (var day = new DateOnly(2026, 9, 1); day <= new DateOnly(2026, 9, 22); day = day.AddDays(1))
        {
            ward.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
            await using var session = ward.NewSession();
            var report = await session.Get<WardEscalation>().RunAsync(Catalogue, dryRun: false, CancellationToken.None);
            Assert.True(report.Succeeded, string.Join("\n", report.Digests.Select(d => d.Status + " " + d.Error)));
            sent.AddRange(report.Digests.Where(d => d.Status == DigestStatus.Sent).Select(d => (day, d.Digest)));
        }

        var notifications = sent.SelectMany(s => s.Digest.Notifications).ToList();
        Assert.Contains(notifications, n => n.Recipient.Key == signer);
        var aboutRequested = notifications.Where(n => requested.Any(u => u.Code == n.Item.UnitCode)).ToList();
        Assert.All(aboutRequested, n => Assert.Equal(EscalationKind.Courtesy, n.Level.Kind));
        Assert.All(aboutRequested, n => Assert.NotEqual(signer, n.Recipient.Key));
        Assert.All(aboutRequested, n => Assert.NotEqual(vhxhHead, n.Recipient.Key));
        Assert.All(aboutRequested, n => Assert.Equal(Units.Get(n.Item.UnitCode).Head!.ToLowerInvariant(), n.Recipient.Key));
        Assert.DoesNotContain(notifications, n => n.Item.UnitCode == "DN");

        // The Front's contact: one courtesy letter per item, never twice, never a chase.
        var front = Units.Get("MTTQ").Head!.ToLowerInvariant();
        var toFront = notifications.Where(n => n.Recipient.Key == front).ToList();
        Assert.NotEmpty(toFront);
        Assert.All(toFront, n => Assert.Equal(EscalationKind.Courtesy, n.Level.Kind));
        Assert.Equal(toFront.Count, toFront.Select(n => n.Item.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(toFront, n => n.Item.Key == "BC:1|MTTQ");

        // What the mailboxes received (MIME written by the local Graph): the signer's and VHXH head's digests name no requested unit.
        foreach (var file in Directory.GetFiles(outbox.Path, "*.eml"))
        {
            var mail = await MimeMessage.LoadAsync(file);
            var to = mail.To.Mailboxes.Single().Address.ToLowerInvariant();
            if (to == signer || to == vhxhHead)
            {
                Assert.All(requested, u => Assert.DoesNotContain("Đơn vị: " + u.Name + ";", mail.TextBody, StringComparison.Ordinal));
            }

            if (to == front)
            {
                Assert.StartsWith("[Dân vận] Đề nghị", mail.Subject, StringComparison.Ordinal);
                Assert.DoesNotContain("quá hạn", mail.TextBody, StringComparison.Ordinal);
            }
        }
    }
}
