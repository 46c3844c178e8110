using System.Text;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Core.Tests.Reporting;

public class ReportRowsTests
{
    private static readonly DateOnly Today = new(2026, 9, 1);
    private const string Source = "2026/Đợt 1/Nộp/Bao-cao-Dot-1-VHXH.docx";

    /// <summary>Rows as the list would return them after writing <paramref name="desired"/>.</summary>
    private static List<CurrentRow> Stored(IEnumerable<DesiredRow> desired) =>
        desired.Select((d, i) => new CurrentRow(i.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Key, "\"e\"",
            new Dictionary<string, string?>(d.Fields) { ["ReportKey"] = d.Key })).ToList();

    [Fact]
    public void Plan_FirstSubmission_CreatesOneRowPerFilledTask()
    {
        var catalogue = ReportCatalogueBuilder.Sample();
        var submission = ReportCatalogueBuilder.SampleSubmission(catalogue, "VHXH");

        var desired = ReportRows.Desired(catalogue, submission, [], Source, Today);
        var plan = ReportRows.Plan(desired, []);

        Assert.Equal(submission.Rows.Count, plan.Count(ChangeKind.Create));
        var create = plan.Changes.Single(c => c.Key == "1|3.5.a|VHXH");
        Assert.Equal("1|3.5.a|VHXH", create.Fields["ReportKey"]);
        Assert.Equal("chủ trì", create.Fields["Role"]);
        Assert.Equal("1", create.Fields["Round"]);
        Assert.Equal("2026-09-01", create.Fields["SubmittedOn"]);
        Assert.Equal("phối hợp", plan.Changes.Single(c => c.Key == "1|1.3|VHXH").Fields["Role"]);
        Assert.DoesNotContain(plan.Changes.SelectMany(c => c.Fields.Keys), k => k is "ContentHash" or "Archived");
    }

    [Fact]
    public void Plan_SameContentNewFileLaterDay_Unchanged()
    {
        var catalogue = ReportCatalogueBuilder.Sample();
        var submission = ReportCatalogueBuilder.SampleSubmission(catalogue, "VHXH");
        var current = Stored(ReportRows.Desired(catalogue, submission, [], Source, Today));

        var desired = ReportRows.Desired(catalogue, submission, current, "other.docx", Today.AddDays(5));
        var plan = ReportRows.Plan(desired, current);

        Assert.Empty(plan.Writes);
    }

    [Fact]
    public void Desired_ResubmissionDropsTask_ClearsItsRowWithoutDeleting()
    {
        var catalogue = ReportCatalogueBuilder.Sample();
        var first = ReportCatalogueBuilder.SampleSubmission(catalogue, "VHXH");
        var current = Stored(ReportRows.Desired(catalogue, first, [], Source, Today));
        var kept = first.Rows[0] with { Result = "Kết quả mới" };
        var second = first with { Rows = [kept] };

        var desired = ReportRows.Desired(catalogue, second, current, Source, Today.AddDays(1));
        var plan = ReportRows.Plan(desired, current);

        Assert.Equal(first.Rows.Count, plan.Count(ChangeKind.Update));
        Assert.Equal(0, plan.Count(ChangeKind.Create) + plan.Count(ChangeKind.Archive));
        var update = plan.Changes.Single(c => c.Key == Submission.RowKey(1, kept.Code, "VHXH"));
        Assert.Equal("Kết quả mới", update.Fields["Result"]);
        Assert.Equal("2026-09-02", update.Fields["SubmittedOn"]);
        var cleared = plan.Changes.Single(c => c.Key == Submission.RowKey(1, first.Rows[1].Code, "VHXH"));
        Assert.True(cleared.Fields.ContainsKey("Result"));
        Assert.Null(cleared.Fields["Result"]);
        Assert.Null(cleared.Fields["Completion"]);
    }

    [Fact]
    public void Desired_OtherUnitsRows_NotTouched()
    {
        var catalogue = ReportCatalogueBuilder.Sample();
        var vp = Stored(ReportRows.Desired(catalogue, ReportCatalogueBuilder.SampleSubmission(catalogue, "VP"), [], "vp.docx", Today));
        var vhxh = ReportCatalogueBuilder.SampleSubmission(catalogue, "VHXH");

        var unitRows = ReportRows.OfUnit(vp, 1, "VHXH").ToList();
        var desired = ReportRows.Desired(catalogue, vhxh, unitRows, Source, Today);

        Assert.Empty(unitRows);
        Assert.All(desired, d => Assert.EndsWith("|VHXH", d.Key, StringComparison.Ordinal));
    }

    [Fact]
    public void Submissions_RowsOfRound_RoundTripThroughColumns()
    {
        var catalogue = ReportCatalogueBuilder.Sample();
        var vhxh = ReportCatalogueBuilder.SampleSubmission(catalogue, "VHXH");
        var round2 = ReportCatalogueBuilder.SampleSubmission(catalogue, "VP", round: 2);
        var rows = Stored(ReportRows.Desired(catalogue, vhxh, [], Source, Today).Concat(ReportRows.Desired(catalogue, round2, [], "x",
            Today)));

        var read = Assert.Single(ReportRows.Submissions(rows, 1, "v1"));

        Assert.Equal("VHXH", read.UnitCode);
        Assert.Equal(vhxh.Rows.OrderBy(r => r.Code, StringComparer.Ordinal), read.Rows);
    }

    private static CurrentRow StatusRow(string key, string code, string? lastDay, string? completedOn, string? status = null,
        bool archived = false) =>
        new(key, key, null, new Dictionary<string, string?>
        {
            ["TaskCode"] = code,
            ["LastDay"] = lastDay,
            ["CompletedOn"] = completedOn,
            ["Status"] = status,
            ["Archived"] = archived ? "true" : "false",
        });

    [Fact]
    public void Statuses_SeveralLeadUnits_LeastAdvancedWinsAndArchivedIgnored()
    {
        CurrentRow[] rows =
        [
            StatusRow("1.2|VP", "1.2", "2026-03-31", "2026-03-01"),
            StatusRow("1.2|VHXH", "1.2", "2026-03-31", null),
            StatusRow("2.4|VHXH", "2.4", "2026-03-31", "2026-04-02"),
            StatusRow("3.5.b|VHXH", "3.5.b", null, null, "Thường xuyên - đã báo cáo"),
            StatusRow("9.9|VP", "9.9", "2026-03-31", "2026-03-01", archived: true),
        ];

        var statuses = ReportRows.Statuses(rows, new DateOnly(2026, 4, 10));

        Assert.Equal(2, statuses.Count);
        Assert.Equal(StatusCategory.InProgressOverdue, statuses["1.2"]);
        Assert.Equal(StatusCategory.CompletedLate, statuses["2.4"]);
    }

    // One rule: the compiled report judges a row as the status table does, from its dates, not from a stale or
    // hand-typed status word.
    [Fact]
    public void Statuses_WordSaysDoneWithoutCompletionDate_SameAsStatusTable()
    {
        var today = new DateOnly(2026, 4, 10);
        CurrentRow[] rows =
        [
            StatusRow("1.2|VP", "1.2", "2026-03-31", null, "Hoàn thành đúng hạn"),
            StatusRow("2.4|VP", "2.4", "2026-05-31", null, "Đang thực hiện quá hạn"),
        ];

        var statuses = ReportRows.Statuses(rows, today);
        var table = Core.Status.StatusReport.Build(rows, [new Core.Catalogue.Section("1", "a"), new Core.Catalogue.Section("2", "b")],
            new Core.Units.UnitDirectory([]), today);

        Assert.Equal(StatusCategory.InProgressOverdue, statuses["1.2"]);
        Assert.Equal(StatusCategory.InProgressOnTime, statuses["2.4"]);
        Assert.Equal(1, table.Totals.Count(StatusCategory.InProgressOverdue));
        Assert.Equal(1, table.Totals.Count(StatusCategory.InProgressOnTime));
    }

    [Theory]
    [InlineData("Bao-cao-Dot-1-VHXH.docx", "VHXH")]
    [InlineData("Mau-bao-cao-Dot-12-TTPVHCC.docx", "TTPVHCC")]
    [InlineData("bao cao VHXH.docx", null)]
    public void UnitFromFileName_Names_UnitOrNull(string name, string? unit) =>
        Assert.Equal(unit, ReportLibrary.UnitFromFileName(name));

    [Fact]
    public void RoundsFile_SerializeThenParse_SameRounds()
    {
        ReportRound[] rounds = [new(3, "Báo cáo đột xuất", new DateOnly(2026, 7, 31), true), new(4, "Cuối năm", new DateOnly(2026, 12, 20),
            true)];

        var parsed = ReportRounds.Parse(ReportRounds.Serialize(rounds), "x.json");

        Assert.Equal(rounds, parsed);
        Assert.Contains("Báo cáo đột xuất", Encoding.UTF8.GetString(ReportRounds.Serialize(rounds)), StringComparison.Ordinal);
    }

    [Fact]
    public void RoundsFile_Broken_InvalidInput() =>
        Assert.Throws<Errors.InvalidInputException>(() => ReportRounds.Parse(Encoding.UTF8.GetBytes("{\"rounds\":[{\"number\":\"x\"}]}"),
            "x.json"));
}
