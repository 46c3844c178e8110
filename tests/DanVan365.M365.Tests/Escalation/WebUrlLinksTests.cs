using System.Text.RegularExpressions;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using MimeKit;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Escalation;

/// <summary>
/// Links in mails and reports are Graph's webUrl values, never built by hand (issue 25): listItem.webUrl
/// (api-reference/v1.0/resources/listitem.md), list.webUrl (list.md), driveItem.webUrl (driveitem.md); a Planner task
/// has none in v1.0 (plannertask.md), so it gets no link.
/// </summary>
public partial class WebUrlLinksTests
{
    /// <summary>Monday 23/02/2026, 08:00 ICT: 3.5.a (last day 14/02) is overdue.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 2, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EscalateAsync_OverdueAssignment_MailLinksAreTheLocalGraphsWebUrls()
    {
        using var outbox = new TempDir();
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, Monday, outbox.Path);
        using var session = ward.NewSession();

        var report = await session.Get<WardEscalation>().RunAsync(Catalogue, dryRun: false, CancellationToken.None);

        Assert.True(report.Succeeded);
        var (rowUrls, reportsUrl) = await GraphWebUrlsAsync(session);
        var mail = (await Task.WhenAll(Directory.GetFiles(outbox.Path, "*.eml").Select(f => MimeMessage.LoadAsync(f))))
            .Single(m => m.To.Mailboxes.Single().Address == "vhxh.chuyenvien1@haian.example.vn");
        var links = Href().Matches(mail.HtmlBody!).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        // The mail carries the address as a URI (MailText.SafeLink escapes non-ASCII): compared as absolute URIs.
        var rows = rowUrls.Values.Select(Absolute).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(Absolute(rowUrls["3.5.a|VHXH"]), links.Select(Absolute));
        Assert.All(links, l => Assert.True(rows.Contains(Absolute(l)) || Absolute(l) == Absolute(reportsUrl), l));
        Assert.DoesNotContain("tasks.office.com", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("AllItems.aspx", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_RoundReport_FileLinkIsTheLocalGraphsDriveItemWebUrl()
    {
        await using var ward = await WardHarness.StartAsync(new DateTimeOffset(2026, 9, 15, 1, 0, 0, TimeSpan.Zero));
        using (var first = ward.NewSession())
        {
            await first.Provisioner.EnsureAsync(SiteSchema.Folders(Catalogue.Decision), CancellationToken.None);
            using var publisher = ward.NewPublisherSession();
            await publisher.Library.UploadAsync(SiteSchema.DecisionFolder, WardHarness.DecisionFileName,
                await File.ReadAllBytesAsync(TestData.DecisionTextPath), CancellationToken.None);
            Assert.True((await first.Get<DecisionIntake>().SyncAsync(force: false, CancellationToken.None)).Sync!.Succeeded);
        }

        using var session = ward.NewSession();
        var compiled = await session.Get<RoundCompilation>().CompileAsync(1, CancellationToken.None);

        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        var library = (await session.Site.FindAsync(SiteSchema.Library, CancellationToken.None))!.Id!;
        var drive = await session.Connection.Client.Sites[siteId].Lists[library].Drive.GetAsync();
        var item = await session.Connection.Client.Drives[drive!.Id!].Items[compiled.File.Id].GetAsync();
        Assert.False(string.IsNullOrEmpty(item!.WebUrl));
        Assert.Equal(item.WebUrl, compiled.File.WebUrl);
    }

    /// <summary>Phân công rows' webUrl by key and Báo cáo kết quả's webUrl, read straight from Graph.</summary>
    private static async Task<(Dictionary<string, string> Rows, string Reports)> GraphWebUrlsAsync(WardHarness.Session session)
    {
        var client = session.Connection.Client;
        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        var lists = (await client.Sites[siteId].Lists.GetAsync(r => r.QueryParameters.Select = ["id", "displayName", "webUrl"]))!.Value!;
        var assignments = lists.Single(l => l.DisplayName == SiteSchema.Assignments.DisplayName);
        var reports = lists.Single(l => l.DisplayName == SiteSchema.Reports.DisplayName).WebUrl!;
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var page = await client.Sites[siteId].Lists[assignments.Id].Items.GetAsync(r =>
        {
            r.QueryParameters.Expand = [$"fields($select={SiteSchema.Assignments.KeyColumn})"];
            r.QueryParameters.Top = 500;
        });
        while (page is not null)
        {
            foreach (var item in page.Value!)
            {
                rows[item.Fields!.AdditionalData[SiteSchema.Assignments.KeyColumn!].ToString()!] = item.WebUrl!;
            }

            page = page.OdataNextLink is { } next
                ? await client.Sites[siteId].Lists[assignments.Id].Items.WithUrl(next).GetAsync()
                : null;
        }

        return (rows, reports);
    }

    private static string Absolute(string url) => new Uri(url).AbsoluteUri;

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
