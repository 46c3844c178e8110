using DanVan365.Functions.Jobs;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities.M365;
using static DanVan365.Functions.Tests.Support.HttpResults;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>
/// Issue 25: administrators' calls that wait for an answer take the interactive lane (the ward scope of a person's call):
/// like the web part's calls, a second call starts from the site ids the first resolved (only interactive scopes share
/// them), where a queued run resolves the site afresh.
/// </summary>
public class AdminLaneTests
{
    private const string Admin = "admin@haian.example.vn";

    private static async Task<long> RequestsOfAsync(WardHarness harness, Func<Task> call)
    {
        harness.Server.ResetStats();
        await call();
        return harness.Server.GetStats().Requests;
    }

    [Fact]
    public async Task JobOutcome_SecondCall_StartsFromTheSiteIdsOfTheFirst()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        var id = WardJobOutcomes.NewId();
        Task Outcome() => app.Get<AdminFunctions>().JobOutcome(Principals.Request(Principals.User(Admin, AppRoles.Admin), "GET"), id,
            new FakeFunctionContext());

        var first = await RequestsOfAsync(harness, Outcome);
        var second = await RequestsOfAsync(harness, Outcome);

        Assert.Equal(202, StatusOf(await app.Get<AdminFunctions>().JobOutcome(Principals.Request(Principals.User(Admin,
            AppRoles.Admin), "GET"), id, new FakeFunctionContext())));
        // First: the site, its lists, the state row; then the state row only.
        Assert.Equal((3L, 1L), (first, second));
    }

    [Fact]
    public async Task CompileRoundReportNow_SecondCall_StartsFromTheSiteIdsOfTheFirst()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        Task Compile() => app.Get<AdminFunctions>().CompileRoundReportNow(Principals.Request(Principals.User(Admin, AppRoles.Admin),
            "POST"), 1, new FakeFunctionContext());
        Task Queued() => app.Get<IWardJobs>().CompileRoundReportAsync(TestApp.GoodWard, 1, interactive: false, CancellationToken.None);

        var first = await RequestsOfAsync(harness, Compile);
        var second = await RequestsOfAsync(harness, Compile);
        var queued = await RequestsOfAsync(harness, Queued);

        // A run looks up the site and its lists again; the administrator's second call does not.
        Assert.True(second < first, $"first {first}, second {second}");
        Assert.True(queued > second, $"queued {queued}, second {second}");
    }
}
