using DanVan365.Core.Reporting;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities.M365;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanVan365.Functions.Tests.Triggers;

public class SubmitReportTests
{
    private const string VhxhHead = "vhxh.truong@haian.example.vn";

    private const string Body = """
        {"unit":"VHXH","round":1,"rows":[
          {"code":"1.1","result":"Đã tổ chức 3 hội nghị.","status":"Hoàn thành đúng hạn","difficulties":"","proposals":""},
          {"code":"3.5.a","result":"Đang triển khai.","status":"đang thực hiện quá hạn"}
        ]}
        """;

    /// <summary>Records submissions instead of writing them (the submission use case is wired by the integrator).</summary>
    private sealed class RecordingJobs : IWardJobs
    {
        public List<(string Ward, Submission Submission)> Submitted { get; } = [];

        public Task SubmitReportAsync(string wardId, Submission submission, CancellationToken cancellationToken)
        {
            Submitted.Add((wardId, submission));
            return Task.CompletedTask;
        }

        public Task<SyncOutcome> SyncCatalogueAsync(string wardId, bool force,
            CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PullOutcome> PullPlannerProgressAsync(string wardId,
            CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task IngestSubmissionsAsync(string wardId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task EscalateDeadlinesAsync(string wardId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<int>> CompileDueRoundReportsAsync(string wardId,
            CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CompileRoundReportAsync(string wardId, int round,
            CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<WardStatus> StatusAsync(string wardId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static (ReporterFunctions Function, RecordingJobs Jobs) Create()
    {
        var settings = new FunctionsSettings
        {
            M365 = new()
            {
                Local = true,
                GraphBaseUrl = "http://127.0.0.1:5999/v1.0",
                SiteUrl = "https://haian.sharepoint.com/sites/phuong-hai-an",
                GroupId = "g"
            },
            Wards = [new() { Id = "hai-an", Name = "Phường Hải An", PlanTitle = "Dân vận 2026 – Phường Hải An" }],
        };
        var jobs = new RecordingJobs();
        return (new ReporterFunctions(new WardRegistry(WardRegistry.Build(settings)), jobs, NullLogger<ReporterFunctions>.Instance), jobs);
    }

    private static int StatusOf(IActionResult result) => ((ObjectResult)result).StatusCode ?? 200;

    [Fact]
    public async Task SubmitReport_ReporterOfTheUnit_202AndTheRowsPassedOn()
    {
        var (function, jobs) = Create();

        var result = await function.SubmitReport(Principals.Request(Principals.User(VhxhHead, AppRoles.Reporter), "POST", jsonBody: Body),
            new FakeFunctionContext());

        Assert.Equal(202, StatusOf(result));
        var (ward, submission) = Assert.Single(jobs.Submitted);
        Assert.Equal("hai-an", ward);
        Assert.Equal("VHXH", submission.UnitCode);
        Assert.Equal(1, submission.Round);
        Assert.Equal(["1.1", "3.5.a"], submission.Rows.Select(r => r.Code));
        Assert.Equal(Core.Status.StatusCategory.InProgressOverdue, submission.Rows[1].Status);
    }

    [Fact]
    public async Task SubmitReport_ReporterOfAnotherUnit_403AndNothingPassedOn()
    {
        var (function, jobs) = Create();

        var result = await function.SubmitReport(Principals.Request(Principals.User("vp.truong@haian.example.vn", AppRoles.Reporter),
            "POST", jsonBody: Body), new FakeFunctionContext());

        Assert.Equal(403, StatusOf(result));
        Assert.Empty(jobs.Submitted);
    }

    [Fact]
    public async Task SubmitReport_AdminOnly_403()
    {
        var (function, jobs) = Create();

        var result = await function.SubmitReport(Principals.Request(Principals.User(VhxhHead, AppRoles.Admin), "POST", jsonBody: Body),
            new FakeFunctionContext());

        Assert.Equal(403, StatusOf(result));
        Assert.Empty(jobs.Submitted);
    }

    [Fact]
    public async Task SubmitReport_Anonymous_401()
    {
        var (function, jobs) = Create();

        var result = await function.SubmitReport(Principals.Request(Principals.Anonymous, "POST", jsonBody: Body),
            new FakeFunctionContext());

        Assert.Equal(401, StatusOf(result));
        Assert.Empty(jobs.Submitted);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"unit":"VHXH","round":0,"rows":[{"code":"1.1"}]}""")]
    [InlineData("""{"unit":"VHXH","round":1,"rows":[]}""")]
    [InlineData("""{"round":1,"rows":[{"code":"1.1"}]}""")]
    [InlineData("""{"unit":"VHXH","round":1,"rows":[{"code":"1.1","status":"xong rồi"}]}""")]
    [InlineData("""{"unit":"VHXH","round":1,"rows":[{"code":"1.1"},{"code":"1.1"}]}""")]
    public async Task SubmitReport_BadBody_400(string body)
    {
        var (function, jobs) = Create();

        var result = await function.SubmitReport(Principals.Request(Principals.User(VhxhHead, AppRoles.Reporter), "POST", jsonBody: body),
            new FakeFunctionContext());

        Assert.Equal(400, StatusOf(result));
        Assert.Empty(jobs.Submitted);
    }

    [Fact]
    public async Task SubmitReport_RealJobsNoDecisionYet_409()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        var result = await app.Get<ReporterFunctions>().SubmitReport(Principals.Request(Principals.User(VhxhHead, AppRoles.Reporter),
            "POST", jsonBody: Body), new FakeFunctionContext());

        Assert.Equal(409, StatusOf(result));
    }

    [Fact]
    public async Task SubmitReport_RealJobsAfterSync_RowsWrittenToBaoCaoKetQua()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);
        await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);

        var result = await app.Get<ReporterFunctions>().SubmitReport(Principals.Request(Principals.User(VhxhHead, AppRoles.Reporter),
            "POST", jsonBody: Body), new FakeFunctionContext());

        Assert.Equal(202, StatusOf(result));
        using var session = harness.NewSession();
        var rows = await session.Lists.ReadAsync(DanVan365.Core.Sync.SiteSchema.Reports, CancellationToken.None);
        Assert.Contains(rows, r => r.Key.StartsWith("1|", StringComparison.Ordinal) && r.Key.EndsWith("|VHXH", StringComparison.Ordinal));
    }
}
