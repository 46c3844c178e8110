using DanVan365.Functions.Jobs;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>The ward-jobs wait logged per run (event 5750): what the queue-age alert reads.</summary>
public class QueueWaitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-12-07T07:25:00+00:00")]
    [InlineData("\"2026-12-07T07:25:00Z\"")]
    [InlineData("12/07/2026 07:25:00 +00:00")]
    public void Of_InsertionTimeInBindingData_AgeOfTheMessage(string insertion)
    {
        var context = new FakeFunctionContext(bindingData: new Dictionary<string, object?> { ["InsertionTime"] = insertion });

        Assert.Equal(TimeSpan.FromMinutes(35), QueueWait.Of(context, Now));
    }

    [Fact]
    public void Of_NoInsertionTime_Null()
    {
        Assert.Null(QueueWait.Of(FakeFunctionContext.ForQueue(1), Now));
    }

    [Fact]
    public void Log_InsertionTime_Event5750WithTheMarkerTheAlertParses()
    {
        var logger = new ListLogger<QueueWaitTests>();
        var context = new FakeFunctionContext(bindingData: new Dictionary<string, object?>
        {
            ["InsertionTime"] = "2026-12-07T07:25:00+00:00",
        });

        QueueWait.Log(logger, context, Now, WardJob.EscalateDeadlines, "hai-an", 2);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(5750, entry.EventId);
        Assert.Equal("RunWardJob ward=hai-an job=EscalateDeadlines: " + QueueWait.Marker + "2100s attempt=2", entry.Message);
    }
}
