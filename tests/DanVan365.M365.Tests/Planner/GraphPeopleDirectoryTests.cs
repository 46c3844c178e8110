using DanVan365.Core.Planner;
using DanVan365.Core.Units;
using DanVan365.M365.Planner;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

/// <summary>
/// Assignees are resolved by the directory's Entra object id without a look-up; a person without one is found by mail or
/// sign-in name (one batch; unknown people left out), and that fallback is logged as a warning naming only the unit.
/// </summary>
public class GraphPeopleDirectoryTests
{
    [Theory]
    [InlineData("an@x.vn", "mail eq 'an@x.vn' or userPrincipalName eq 'an@x.vn'")]
    [InlineData(" o'brien@x.vn ", "mail eq 'o''brien@x.vn' or userPrincipalName eq 'o''brien@x.vn'")]
    public void UserFilter_Email_MailOrSignInNameWithQuotesDoubled(string email, string filter) =>
        Assert.Equal(filter, GraphPeopleDirectory.UserFilter(email));

    [Fact]
    public async Task ResolveUsersAsync_KnownAndUnknownPeople_OneBatchKnownOnesFound()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var head = ward.Units.People.First(p => p.Unit == "VHXH" && p.Role == "head");
        var before = session.Requests;

        var ids = await session.Planner.People.ResolveUsersAsync(new HashSet<string> { head.Email, "nobody@haian.example.vn" },
            CancellationToken.None);

        Assert.Equal(1, session.Requests - before);
        var (email, id) = Assert.Single(ids);
        Assert.Equal(head.Email, email);
        Assert.Equal(ward.PersonOf("VHXH"), id);
    }

    [Fact]
    public async Task ResolveAsync_EveryoneHasObjectId_ObjectIdsWithoutAnyRequestOrWarning()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var logger = new ListLogger<GraphPeopleDirectory>();
        var people = new GraphPeopleDirectory(session.Connection, session.Batches, logger);
        var vhxh = ward.Units.People.Where(p => p.Unit == "VHXH").ToList();
        var before = session.Requests;

        var ids = await people.ResolveAsync([.. vhxh.Select(p => new PlannerAssignee(p.Email, "VHXH", p.ObjectId))],
            CancellationToken.None);

        Assert.Equal(0, session.Requests - before);
        Assert.Equal(vhxh.Select(p => p.ObjectId!).Order(), ids.Values.Order());
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task ResolveAsync_PersonWithoutObjectId_FoundByMailAndWarnsWithUnitCodeOnly()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var logger = new ListLogger<GraphPeopleDirectory>();
        var people = new GraphPeopleDirectory(session.Connection, session.Batches, logger);
        var head = ward.Units.People.First(p => p.Unit == "VHXH" && p.Role == "head");
        var assignee = ward.Units.People.First(p => p.Unit == "VHXH" && p.Role == "assignee");

        var ids = await people.ResolveAsync(
            [new PlannerAssignee(head.Email, "VHXH", ObjectId: null), new PlannerAssignee(assignee.Email, "VHXH", assignee.ObjectId)],
            CancellationToken.None);

        Assert.Equal(head.ObjectId, ids[head.Email]);
        Assert.Equal(assignee.ObjectId, ids[assignee.Email]);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Warning, 1520), (warning.Level, warning.EventId));
        Assert.Contains("VHXH", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("@", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_DirectoryWithObjectIds_AssignsByObjectIdWithoutLookingUpUsers()
    {
        await using var ward = await WardHarness.StartAsync();
        var users = new UserRequests();
        using var session = ward.NewSession(users);

        var (_, planner) = await session.SyncAllAsync(Catalogue, Units);

        Assert.Empty(planner.Failures);
        Assert.Empty(planner.UnresolvedPeople);
        Assert.Equal(0, users.Count);
        var task = (await session.Planner.SnapshotAsync(WardHarness.PlanTitle, CancellationToken.None))!.Tasks
            .First(t => t.Title.StartsWith("[3.5.a] ", StringComparison.Ordinal));
        Assert.Subset(Units.People.Where(p => p.ObjectId is not null).Select(p => p.ObjectId!).ToHashSet(),
            task.AssigneeIds.ToHashSet());
    }

    [Fact]
    public async Task SyncAsync_UnitPeopleWithoutObjectIds_FallsBackToMailAndStillAssigns()
    {
        var withoutIds = WithoutObjectIds(Units, "VHXH");
        await using var ward = await WardHarness.StartAsync();
        var users = new UserRequests();
        using var session = ward.NewSession(users);
        var lists = await session.CatalogueSync.RunAsync(Catalogue, withoutIds, false, CancellationToken.None);
        var links = await session.Site.PlannerLinksAsync("qd.txt", CancellationToken.None);

        var planner = await session.PlannerSync.SyncAsync(Catalogue, withoutIds, WardHarness.PlanTitle, links,
            lists.CurrentAssignmentRows, false, CancellationToken.None);

        Assert.Empty(planner.Failures);
        Assert.Empty(planner.UnresolvedPeople);
        Assert.True(users.Count > 0, "the VHXH people are looked up by mail");
        var snapshot = (await session.Planner.SnapshotAsync(WardHarness.PlanTitle, CancellationToken.None))!;
        var vhxh = snapshot.Tasks.First(t => t.Title.StartsWith("[3.5.a] ", StringComparison.Ordinal)
            && t.BucketId == snapshot.BucketIds["Phòng Văn hóa - Xã hội"]);
        Assert.Contains(ward.PersonOf("VHXH", "assignee"), vhxh.AssigneeIds);
    }

    private static UnitDirectory WithoutObjectIds(UnitDirectory units, string unitCode) =>
        new(units.Units, units.Groups, units.Rules,
            [.. units.People.Select(p => p.Unit == unitCode ? p with { ObjectId = null } : p)]);

    /// <summary>Counts requests (or $batch items) that look people up in the tenant's user directory.</summary>
    private sealed class UserRequests : DelegatingHandler
    {
        private int _count;

        public int Count => _count;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            if (path.Contains("/users", StringComparison.Ordinal) || body.Contains("\"/users", StringComparison.Ordinal)
                || body.Contains("\"users?", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
