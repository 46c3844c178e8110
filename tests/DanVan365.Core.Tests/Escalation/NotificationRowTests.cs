using DanVan365.Core.Escalation;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Escalation;

public class NotificationRowTests
{
    [Fact]
    public void ToEntry_SentRow_ReadsStateClaimAndSentDay()
    {
        var row = new CurrentRow("1", "k", null, new Dictionary<string, string?>
        {
            [NotificationColumns.State] = NotificationColumns.StateSent,
            [NotificationColumns.ClaimedAt] = "2026-03-02T01:00:00Z",
            [NotificationColumns.SentOn] = "2026-03-02",
        });

        var entry = NotificationRow.ToEntry(row);

        Assert.Equal(NotificationLogState.Sent, entry.State);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), entry.ClaimedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero), entry.SentAt);
    }

    [Fact]
    public void ToEntry_NoClaimTime_PendingAndStale()
    {
        var entry = NotificationRow.ToEntry(new CurrentRow("1", "k", null, new Dictionary<string, string?>()));

        Assert.Equal(NotificationLogState.Pending, entry.State);
        Assert.True(entry.IsStale(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Sent_WritesOnlyStateAndDay()
    {
        var fields = NotificationRow.Sent(new DateOnly(2026, 3, 2));

        Assert.Equal(new Dictionary<string, string?> { ["State"] = "sent", ["SentOn"] = "2026-03-02" }, fields);
    }
}
