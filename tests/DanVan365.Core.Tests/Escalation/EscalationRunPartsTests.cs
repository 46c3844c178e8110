using DanVan365.Core.Escalation;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Core.Tests.Escalation;

public class EscalationRunPartsTests
{
    private static CurrentRow Assignment(string code, string unit, string? lastDay, params (string Name, string? Value)[] extra)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["TaskCode"] = code,
            ["UnitCode"] = unit,
            ["TaskText"] = "Nhiệm vụ " + code,
            ["LastDay"] = lastDay,
            ["Archived"] = "false",
        };
        foreach (var (name, value) in extra)
        {
            fields[name] = value;
        }

        return new CurrentRow("1", code + "|" + unit, null, fields);
    }

    [Fact]
    public void FromAssignments_CompletionDateRecorded_ItemCompleted()
    {
        var row = Assignment("3.5.a", "VHXH", "2026-02-14", ("CompletedOn", "2026-02-10"));

        var item = Assert.Single(EscalationItems.FromAssignments([row]));

        Assert.True(item.Completed);
    }

    // One rule (Status/Completion): without a completion date a status word or a percentage does not make a row done,
    // because the status table would still count it in progress.
    [Theory]
    [InlineData("Status", "Hoàn thành đúng hạn")]
    [InlineData("Status", "hoàn thành quá hạn")]
    [InlineData("PercentComplete", "100")]
    public void FromAssignments_WordOrPercentWithoutCompletionDate_ItemOpen(string column, string value)
    {
        var item = Assert.Single(EscalationItems.FromAssignments([Assignment("3.5.a", "VHXH", "2026-02-14", (column, value))]));

        Assert.False(item.Completed);
    }

    [Fact]
    public void FromAssignments_OpenRowWithLinks_CarriesLastDayAndLinks()
    {
        var links = new EscalationLinks(id => "https://x/item/" + id, task => "https://planner/" + task, (_, _) => null);

        var item = Assert.Single(EscalationItems.FromAssignments(
            [Assignment("3.5.a", "VHXH", "2026-02-14", ("Status", "Đang thực hiện quá hạn"), ("PercentComplete", "50"), ("PlannerTaskId",
                "T1"))], links));

        Assert.False(item.Completed);
        Assert.False(item.Archived);
        Assert.Equal(new DateOnly(2026, 2, 14), item.LastDay);
        Assert.Equal("PC:3.5.a|VHXH", item.Key);
        Assert.Equal("https://planner/T1", item.PlannerTaskUrl);
        Assert.Equal("https://x/item/1", item.ListItemUrl);
    }

    [Fact]
    public void FromReports_UnitWithRowForRound_IsReportedOthersMissing()
    {
        var rounds =
            new[] { new ReportRound(1, "trước ngày 15/9/2026", new DateOnly(2026, 9, 14), false), new ReportRound(2,
            "trước ngày 20/11/2026", new DateOnly(2026, 11, 19), false) };
        var rows =
            new[] { new CurrentRow("9", "1|3.5.a|VHXH", null, new Dictionary<string, string?>
            {
                ["Round"] = "1",
                ["UnitCode"] = "VHXH",
                ["Result"] = "Đã tổ chức hội nghị.",
            }) };

        var items = EscalationItems.FromReports(rows, rounds, ["VHXH", "KT"]);

        Assert.Equal(4, items.Count);
        Assert.True(items.Single(i => i.Key == "BC:1|VHXH").Completed);
        Assert.False(items.Single(i => i.Key == "BC:1|KT").Completed);
        Assert.False(items.Single(i => i.Key == "BC:2|VHXH").Completed);
    }

    [Fact]
    public async Task WaitAsync_ThirtyFirstMessageInAMinute_WaitsForTheWindow()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 23, 1, 0, 0, TimeSpan.Zero));
        var pacer = new SendPacer(clock);
        for (var i = 0; i < 30; i++)
        {
            await pacer.WaitAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var next = pacer.WaitAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(30), pacer.Waited);
    }

    [Fact]
    public async Task WaitAsync_UnderTheLimit_DoesNotWait()
    {
        var clock = new FakeTimeProvider();
        var pacer = new SendPacer(clock, messagesPerWindow: 2);

        await pacer.WaitAsync(CancellationToken.None);
        await pacer.WaitAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, pacer.Waited);
        Assert.False(pacer.WaitAsync(CancellationToken.None).IsCompleted);
    }
}
