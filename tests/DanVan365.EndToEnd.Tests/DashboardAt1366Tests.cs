using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DanVan365.EndToEnd.Tests;

/// <summary>
/// The dashboard on the demo ward in Chromium at 1366×900, as a ward officer's laptop shows it: the unit chart's legend,
/// the filters' width and the date's format.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed partial class DashboardAt1366Tests(ServeFixture serve)
{
    private const int Width = 1366;

    private async Task<IPage> OpenAsync(string locale)
    {
        var page = await serve.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = Width, Height = 900 },
        });
        await page.GotoAsync(new Uri(serve.Address, $"/?view=dashboard&asOf={ServeFixture.AsOf}").ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
        return page;
    }

    /// <summary>"Hoàn Thành Đúng Hạn": two words or more, each starting with a capital.</summary>
    private static bool IsTitleCase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && words.All(w => char.IsUpper(w[0]));
    }

    [Fact]
    public async Task UnitChart_DemoWard_LegendListsEachCategoryOnceInSentenceCase()
    {
        var page = await OpenAsync("vi-VN");

        var legend = page.Locator("figure[data-chart='units'] .fui-legend__text");
        await Assertions.Expect(legend.First).ToBeVisibleAsync();
        // innerText is what the reader sees, after CSS text-transform.
        var shown = (await legend.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

        Assert.Equal(5, shown.Count);
        Assert.Equal(shown.Distinct(StringComparer.Ordinal).Count(), shown.Count);
        Assert.DoesNotContain(shown, IsTitleCase);
        Assert.Contains("Hoàn thành đúng hạn", shown);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Filters_DemoWard_SectionFilterWithinTheViewport()
    {
        var page = await OpenAsync("vi-VN");

        var section = page.Locator("[data-filter='section']");
        await Assertions.Expect(section).ToBeVisibleAsync();
        var field = await section.BoundingBoxAsync();
        var select = await section.Locator("select").BoundingBoxAsync();
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.NotNull(field);
        Assert.NotNull(select);
        Assert.True(field.X >= 0 && field.X + field.Width <= Width, $"section filter at x={field.X}, width={field.Width}");
        Assert.True(select.X >= 0 && select.X + select.Width <= Width, $"section select at x={select.X}, width={select.Width}");
        Assert.True(pageWidth <= Width, $"the page is {pageWidth} px wide");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("vi-VN")]
    [InlineData("en-US")]
    public async Task AsOfDate_AnyBrowserLanguage_DayMonthYearOnAVietnamesePage(string locale)
    {
        var page = await OpenAsync(locale);

        var asOf = page.GetByLabel("Tính đến ngày", new PageGetByLabelOptions { Exact = true });
        await Assertions.Expect(asOf).ToHaveValueAsync("20/05/2026");
        Assert.Matches(DayMonthYear(), await asOf.InputValueAsync());
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("vi", await asOf.EvaluateAsync<string>("e => e.closest('[lang]').getAttribute('lang')"));

        // A day typed the Vietnamese way asks the API for that day.
        var answered = page.WaitForResponseAsync(r => r.Url.Contains("asOf=2026-06-30", StringComparison.Ordinal));
        await asOf.FillAsync("30/06/2026");
        await asOf.PressAsync("Tab");
        await answered;
        await Assertions.Expect(page.GetByTestId("as-of")).ToContainTextAsync("30/06/2026");
        await page.CloseAsync();
    }

    [GeneratedRegex(@"^\d{2}/\d{2}/\d{4}$")]
    private static partial Regex DayMonthYear();
}
