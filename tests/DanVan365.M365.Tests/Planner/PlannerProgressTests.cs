using DanVan365.Core.Planner;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

/// <summary>Issue 13, "Planner pull never erases progress": a missing task, a re-opened task, a concurrent row edit.</summary>
public class PlannerProgressTests
{
    private const string Key = "3.5.a|VHXH";
    private static readonly string PlanTitle = PlannerDesign.DefaultPlanTitle(Catalogue, "Phường Hải An");

    [Fact]
    public async Task PullAsync_LinkedTaskDeletedByAPerson_RowProgressKeptAndReported()
    {
        await using var ward = await CompletedTaskWard.StartAsync(Catalogue, Units, Key);
        await ward.Session.PlannerSync.PullAsync(PlanTitle, CancellationToken.None);
        var before = await ward.RowAsync();
        await PlannerPeople.DeleteTaskAsync(ward.Session, ward.TaskId);

        var report = await ward.Ward.NewSession().PlannerSync.PullAsync(PlanTitle, CancellationToken.None);

        Assert.Empty(report.Failures);
        Assert.Equal([Key], report.MissingTasks);
        var after = await ward.RowAsync();
        Assert.Equal("100", after.Fields["PercentComplete"]);
        Assert.Equal("2026-02-20", after.Fields["CompletedOn"]);
        Assert.Equal(before.Fields["Status"], after.Fields["Status"]);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task SyncAsync_LinkedTaskDeleted_RecreatedCarryingTheRowsProgress()
    {
        await using var ward = await CompletedTaskWard.StartAsync(Catalogue, Units, Key);
        await ward.Session.PlannerSync.PullAsync(PlanTitle, CancellationToken.None);
        await PlannerPeople.DeleteTaskAsync(ward.Session, ward.TaskId);

        var (_, planner) = await ward.Ward.NewSession().SyncAllAsync(Catalogue, Units);
        await ward.Ward.NewSession().PlannerSync.PullAsync(PlanTitle, CancellationToken.None);

        Assert.Equal(1, planner.Count(PlannerChangeKind.Create));
        var row = await ward.RowAsync();
        var task = (await ward.Session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!.Tasks
            .Single(t => t.Title.StartsWith("[3.5.a] ", StringComparison.Ordinal) && t.Id == row.Fields["PlannerTaskId"]);
        Assert.NotEqual(ward.TaskId, task.Id);
        Assert.Equal(100, task.PercentComplete);
        Assert.Equal("100", row.Fields["PercentComplete"]);
        Assert.Equal("2026-02-20", row.Fields["CompletedOn"]);
        Assert.Equal("Hoàn thành quá hạn", row.Fields["Status"]);
    }

    [Fact]
    public async Task PullAsync_TaskReopenedInPlanner_CompletionDateNeverCleared()
    {
        await using var ward = await CompletedTaskWard.StartAsync(Catalogue, Units, Key);
        await ward.Session.PlannerSync.PullAsync(PlanTitle, CancellationToken.None);
        await PlannerPeople.PatchTaskAsync(ward.Session, ward.TaskId, new PlannerTask { PercentComplete = 50 });

        await ward.Ward.NewSession().PlannerSync.PullAsync(PlanTitle, CancellationToken.None);

        var row = await ward.RowAsync();
        Assert.Equal("50", row.Fields["PercentComplete"]);
        Assert.Equal("2026-02-20", row.Fields["CompletedOn"]);
    }

    [Fact]
    public async Task PullAsync_RowEditedWhileWriting_WriteCarriesIfMatchAndIsReapplied()
    {
        await using var ward = await CompletedTaskWard.StartAsync(Catalogue, Units, Key);
        var session = ward.Session;
        var row = await ward.RowAsync();
        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        var listId = await session.Site.ListIdAsync(SiteSchema.Assignments, CancellationToken.None);
        var ifMatch = new List<string?>();
        // A person writes a note (a column of theirs) just before the pull's batch: the pull's If-Match fails (412) and
        // the progress is re-applied on the fresh row, keeping the note.
        var recorder = new RequestRecorder(ifMatch, async () =>
            await session.Connection.Client.Sites[siteId].Lists[listId].Items[row.ItemId].Fields.PatchAsync(
                new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Notes"] = "Sửa tay" } }));

        var report = await ward.Ward.NewSession(recorder).PlannerSync.PullAsync(PlanTitle, CancellationToken.None);

        Assert.Empty(report.Failures);
        var etagId = row.ETag!.Trim('"').Split(',')[0];
        Assert.Contains(ifMatch, h => h is not null && h.Contains(etagId, StringComparison.Ordinal));
        var after = await ward.RowAsync();
        Assert.Equal("100", after.Fields["PercentComplete"]);
        Assert.Equal("Sửa tay", after.Fields["Notes"]);
    }

    /// <summary>Records the If-Match headers of the batched sub-requests sent on the wire; runs an action before the first batch.</summary>
    private sealed class RequestRecorder(List<string?> ifMatch, Func<Task> beforeFirstBatch) : DelegatingHandler
    {
        private int _done;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null && request.RequestUri!.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal))
            {
                if (Interlocked.Exchange(ref _done, 1) == 0)
                {
                    await beforeFirstBatch();
                }

                var body = await request.Content.ReadAsStringAsync(cancellationToken);
                lock (ifMatch)
                {
                    foreach (var part in body.Split("\"If-Match\"", StringSplitOptions.None).Skip(1))
                    {
                        ifMatch.Add(part[..Math.Min(part.Length, 200)]);
                    }
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
