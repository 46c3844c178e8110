using DanVan365.Core.Reporting;
using DanVan365.Core.Scoring;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Wards;

/// <summary>
/// The computed score against the local Microsoft 365: the bundled ward with its decision in use, a completion on Phân công,
/// a report through the form, carried to 20/12/2026 (after round 2), scored through the one registration.
/// </summary>
public class WardScoresTests
{
    [Fact]
    public async Task ComputeAsync_BundledWardAfterRound2_EveryAssignedUnitScoredTraceableToTasks()
    {
        // Monday 02/03/2026: round 1 is open; 1.2 (last day 14/02/2026) is overdue for VP.
        await using var ward = await SyncedWard.StartAsync(WardState.DecisionInUse);
        await using (var session = ward.NewSession())
        {
            var submitted = await session.Get<WardPortal>().SubmitAsync(Catalogue, "VHXH", 1,
                [new RawSubmissionRow("2.3", "Đã tổ chức tuyên truyền tại 12 tổ dân phố.", string.Empty, string.Empty, string.Empty)],
                CancellationToken.None);
            Assert.True(submitted.Accepted, string.Join("\n", submitted.Rejections.Select(r => r.Message)));

            var row = (await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None)).Single(r => r.Key == "1.2|VP");
            var done = new DateOnly(2026, 3, 10);
            var patched = await session.Lists.PatchAsync(SiteSchema.Assignments, [new RowPatch(row.Key, row.ItemId,
                AssignmentRow.ProgressFields(100, done, StatusRules.Categorise(new DateOnly(2026, 2, 14), done, done)))],
                CancellationToken.None);
            Assert.Empty(patched.Failures);
        }

        ward.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 20, 1, 0, 0, TimeSpan.Zero));
        await using (var session = ward.NewSession())
        {
            var sheet = await session.Get<WardScores>().ComputeAsync(CancellationToken.None);

            Assert.Equal((2026, new DateOnly(2026, 12, 20)), (sheet.Year, sheet.AsOf));
            var assigned = Units.Units.Where(u => u.IsAssigned).Select(u => u.Code).ToList();
            Assert.Equal(assigned, sheet.Units.Where(u => u.Graded).Select(u => u.UnitCode));
            Assert.All(sheet.Units.Where(u => u.Graded), u =>
            {
                Assert.Equal(u.Points!.Value, Math.Round(u.Lines.Sum(l => l.Points), 2));
                Assert.NotNull(u.Grade);
                Assert.Contains(u.Lines, l => l.Kind == ScoreLineKind.Task && Catalogue.WorkItems.Any(t => t.Code == l.TaskCode));
            });

            var vp = sheet.Units.Single(u => u.UnitCode == "VP");
            var late = vp.Lines.Single(l => l.TaskCode == "1.2");
            Assert.Equal((ScoreOutcome.Late, TaskRole.Lead), (late.Outcome, late.Role!.Value));
            Assert.Contains("hoàn thành ngày 10/03/2026, quá hạn 24 ngày (hạn 14/02/2026)", late.Explanation, StringComparison.Ordinal);

            // VHXH reported 2.3 ("Năm 2026 và các năm tiếp theo") in round 1 on time, nothing in round 2 nor in the year-end
            // round 3 (last day 15/12/2026).
            var vhxh = sheet.Units.Single(u => u.UnitCode == "VHXH");
            Assert.Equal(ScoreOutcome.OngoingUnreported, vhxh.Lines.Single(l => l.TaskCode == "2.3").Outcome);
            Assert.Equal([(1, ScoreOutcome.ReportOnTime, 0d), (2, ScoreOutcome.ReportMissing, -5d), (3, ScoreOutcome.ReportMissing, -5d)],
                vhxh.Lines.Where(l => l.Kind == ScoreLineKind.RoundReport).Select(l => (l.Round!.Value, l.Outcome, l.Points)));

            var front = sheet.Units.Single(u => u.UnitCode == "MTTQ");
            Assert.Equal((false, (double?)null), (front.Graded, front.Points));
            Assert.Contains(front.Lines, l => l.TaskCode == "2.4");
        }
    }
}
