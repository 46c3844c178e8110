using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.EndToEnd.Tests;

/// <summary>The web parts in Chromium against `danvan365 serve` after `danvan365 demo`.</summary>
[Collection(ServeCollection.Name)]
public sealed class WebPartsTests(ServeFixture serve)
{
    private const string VhxhAssignee = "vhxh.chuyenvien1@haian.example.vn";
    private const string OtherUnitHead = "vp.truong@haian.example.vn";

    private async Task<IPage> OpenAsync(string query, BrowserNewPageOptions? options = null)
    {
        var page = await serve.Browser.NewPageAsync(options ?? new BrowserNewPageOptions { Locale = "vi-VN" });
        await page.GotoAsync(new Uri(serve.Address, "/?" + query).ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
        return page;
    }

    private async Task<HttpClient> ClientAsAsync(string email)
    {
        var client = new HttpClient { BaseAddress = serve.Address };
        var token = await client.GetFromJsonAsync<JsonElement>("/_serve/token?as=" + Uri.EscapeDataString(email));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ServeFixture.ResultsDirectory, name + ".png"),
            FullPage = true,
        });

    /// <summary>The last six numbers of the "Tổng cộng" row of the first table `status` prints.</summary>
    private static int[] StatusTotals(string output)
    {
        var line = output.Split('\n').First(l => l.StartsWith("Tổng cộng", StringComparison.Ordinal));
        return [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(6)
            .Select(t => int.Parse(t, CultureInfo.InvariantCulture))];
    }

    [Fact]
    public async Task Dashboard_AsOfADay_CardsEqualStatusForTheSameDataAndDay()
    {
        var (code, output) = await ServeFixture.CliAsync("status", "--data", serve.DataDirectory, "--as-of", ServeFixture.AsOf);
        Assert.Equal(0, code);
        var totals = StatusTotals(output);

        var page = await OpenAsync($"view=dashboard&asOf={ServeFixture.AsOf}");

        async Task<int> Card(string id) => int.Parse(await page.Locator($"li[data-card='{id}'] span").First.InnerTextAsync(),
            CultureInfo.InvariantCulture);
        Assert.Equal((IEnumerable<int>)totals, new[]
        {
            await Card("CompletedOnTime"), await Card("CompletedLate"), await Card("InProgressOnTime"), await Card("InProgressOverdue"),
            await Card("ongoing"), await Card("assignments"),
        });
        await ScreenshotAsync(page, "dashboard");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ReportForm_UnitPersonSubmitsARow_RowIsInBaoCaoKetQua()
    {
        var page = await OpenAsync($"view=report&as={VhxhAssignee}");
        var text = $"Kết quả e2e {Guid.NewGuid():N}";

        await page.GetByLabel("Kết quả thực hiện 1.1", new PageGetByLabelOptions { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Nộp báo cáo" }).ClickAsync();
        // The answer (what was recorded, or an error) is shown once the submission has finished: only then read it back
        // (reading earlier raced the POST under load).
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Or(page.GetByRole(AriaRole.Alert)).First).ToBeVisibleAsync();

        using var client = await ClientAsAsync(VhxhAssignee);
        var work = await client.GetFromJsonAsync<JsonElement>("/api/my/work");
        var row = work.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "1.1");
        Assert.Equal(text, row.GetProperty("saved").GetProperty("result").GetString());
        await ScreenshotAsync(page, "report");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ReportForm_CellOf5000Characters_RefusedBesideItsField()
    {
        var page = await OpenAsync($"view=report&as={VhxhHead}");

        await page.GetByLabel("Kết quả thực hiện 1.1", new PageGetByLabelOptions { Exact = true }).FillAsync(new string('x', 5000));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Nộp báo cáo" }).ClickAsync();

        var message = page.GetByText("5000 ký tự").First;
        await Assertions.Expect(message).ToBeVisibleAsync();
        var describedBy = await page.GetByLabel("Kết quả thực hiện 1.1", new PageGetByLabelOptions { Exact = true })
            .GetAttributeAsync("aria-describedby") ?? string.Empty;
        var messageId = await message.EvaluateAsync<string>("e => (e.closest('[id]') || e).id");
        Assert.Contains(messageId, describedBy, StringComparison.Ordinal);
        await ScreenshotAsync(page, "report-refused");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Api_PersonOfAnotherUnit_CannotSeeOrSubmitTheUnitsRows()
    {
        using var client = await ClientAsAsync(OtherUnitHead);

        using var read = await client.GetAsync(new Uri("/api/my/work?unit=VHXH", UriKind.Relative));
        using var body = JsonContent.Create(new { unit = "VHXH", round = 1, rows = new[] { new { code = "1.1", result = "x" } } });
        using var write = await client.PostAsync(new Uri("/api/submissions", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Proposals_UnitProposesReviewerForwardsDeciderApproves_ApprovedInTheList()
    {
        // A unit person proposes an extension of 1.2 (VP leads it) from the form.
        var page = await OpenAsync($"view=proposals&as={VpAssignee}");
        await page.GetByLabel("Mã nhiệm vụ", new PageGetByLabelOptions { Exact = true }).FillAsync("1.2");
        await page.GetByLabel("Thời hạn đề xuất", new PageGetByLabelOptions { Exact = true }).FillAsync("30/06/2026");
        await page.GetByLabel("Lý do").FillAsync("Chờ kinh phí bổ sung (e2e).");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Gửi đề xuất" }).ClickAsync();
        var created = page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "Đã gửi đề xuất số" });
        await Assertions.Expect(created).ToBeVisibleAsync();
        var id = System.Text.RegularExpressions.Regex.Match(await created.InnerTextAsync(), @"DX-\d{4}-\d{4}").Value;
        Assert.NotEmpty(id);
        await page.CloseAsync();

        // The head of Phòng Văn hóa - Xã hội forwards it with a note.
        page = await OpenAsync($"view=proposals&as={VhxhHead}");
        var card = page.Locator($"li[data-proposal='{id}']");
        await card.GetByLabel($"Ý kiến cho đề xuất số {id}").FillAsync("Đề nghị chấp thuận (e2e)");
        await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Trình lãnh đạo" }).ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Heading)).ToContainTextAsync("Đã trình");
        await page.CloseAsync();

        // The signer approves it.
        page = await OpenAsync($"view=proposals&as={Signer}");
        card = page.Locator($"li[data-proposal='{id}']");
        await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Chấp thuận", Exact = true }).ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Heading)).ToContainTextAsync("Chấp thuận");
        await ScreenshotAsync(page, "proposals");
        await page.CloseAsync();

        using var client = await ClientAsAsync(Signer);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/proposals?state=ChapThuan");
        var item = list.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
        Assert.Equal((VhxhHead, Signer, "2026-06-30"), (item.GetProperty("reviewedBy").GetString(),
            item.GetProperty("decidedBy").GetString(), item.GetProperty("lastDay").GetString()));
    }

    [Theory]
    [InlineData("view=dashboard&asOf=" + ServeFixture.AsOf)]
    [InlineData("view=report&as=" + VhxhHead)]
    [InlineData("view=proposals&as=" + VhxhHead)]
    public async Task View_UnderServesContentSecurityPolicy_ShownWithoutAViolation(string query)
    {
        var page = await serve.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "vi-VN" });
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (refused)
                {
                    refused.Add(message.Text);
                }
            }
        };

        var response = await page.GotoAsync(new Uri(serve.Address, "/?" + query).ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
        var shown = await page.Locator("#root").InnerTextAsync();
        var alerts = await page.Locator("[role='alert']").AllInnerTextsAsync();
        var headers = await response!.AllHeadersAsync();
        await page.CloseAsync();

        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.NotEqual("Đang tải…", shown.Trim());
        Assert.DoesNotContain(alerts, a => a.Contains("phiên đăng nhập", StringComparison.Ordinal));
        lock (refused)
        {
            Assert.True(refused.Count == 0, string.Join("\n", refused));
        }
    }

    [Theory]
    [InlineData("view=dashboard&asOf=" + ServeFixture.AsOf, "dashboard-axe")]
    [InlineData("view=report&as=" + VhxhHead, "report-axe")]
    [InlineData("view=proposals&as=" + VhxhHead, "proposals-axe")]
    public async Task View_Axe_NoSeriousOrCriticalViolation(string query, string name)
    {
        var page = await OpenAsync(query);

        // Fluent UI v9's focus manager (Tabster) puts aria-hidden, focusable 1-pixel sentinels at the edges of focus
        // groups (data-tabster-dummy): they move focus on, are never read, and are the only thing excluded.
        var result = await page.RunAxe(new AxeRunContext { Exclude = [new AxeSelector("[data-tabster-dummy]")] });

        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        await ScreenshotAsync(page, name);
        await page.CloseAsync();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }
}
