using DanVan365.Core.Catalogue;
using DanVan365.Core.Lockdown;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Lockdown;

/// <summary>The lockdown's m365 commands from a small sample ward: exact words, in order, shell-quoted.</summary>
public class LockdownPlanTests
{
    private const string Site = "https://contoso.sharepoint.com/sites/phuong-mau";
    private const string Group = "0f3c6a52-8d3a-4d8e-9a51-2b3c4d5e6f70";

    private static readonly UnitDirectory SampleUnits = UnitDirectory.FromJson("""
        {
          "units": [
            { "code": "VP", "name": "Văn phòng", "kind": "office",
              "head": { "email": "vp.truong@mau.example.vn", "objectId": "11111111-1111-4111-8111-111111111111" },
              "assignees": [ { "email": "vp.cv@mau.example.vn" } ] },
            { "code": "VHXH", "name": "Phòng Văn hóa - Xã hội", "kind": "office",
              "head": { "email": "vhxh.truong@mau.example.vn" },
              "assignees": [ { "email": "VP.CV@mau.example.vn" }, { "email": "o'neil@mau.example.vn" } ] }
          ],
          "people": [ { "email": "chu.tich@mau.example.vn", "role": "signer" } ]
        }
        """, "mau.json");

    private static readonly Decision SampleDecision = new("12/QĐ-UBND", new DateOnly(2027, 1, 15), "UBND phường Mẫu", "Chủ tịch",
        [], "VHXH", [new ReportingRound(1, new DateOnly(2027, 6, 14), "15/6"), new ReportingRound(2, new DateOnly(2027, 12, 14), "15/12")]);

    private static LockdownTarget Target(params string[] publishers) =>
        new(Site + "/", Group, "Phường Mẫu Owners", "Báo cáo dân vận", publishers);

    [Fact]
    public void Build_SampleWard_ListsThenDecisionsThenReturnsFoldersExactly()
    {
        var lines = LockdownPlan.Build(Target("vp.cv@mau.example.vn"), SampleDecision, SampleUnits).Select(c => c.ToShell()).ToList();

        // Today's system lists; a list the schema adds (e.g. Nhật ký can thiệp) is locked the same way (deny by default).
        Assert.Subset(LockdownPlan.ReadOnlyLists.Select(l => l.DisplayName).ToHashSet(),
            new HashSet<string> { "Nhiệm vụ dân vận", "Phân công", "Nhật ký thông báo", "Trạng thái đồng bộ", "Đề xuất điều chỉnh" });
        var expected = new List<string>();
        foreach (var list in LockdownPlan.ReadOnlyLists.Select(l => "'" + l.DisplayName + "'"))
        {
            var on = $"--webUrl {Site} --listTitle {list}";
            expected.Add($"m365 spo list roleinheritance break {on} --clearExistingPermissions --force");
            expected.Add($"m365 spo list roleassignment add {on} --groupName 'Phường Mẫu Owners' --roleDefinitionId 1073741829");
            expected.Add($"m365 spo list roleassignment add {on} --entraGroupId {Group} --roleDefinitionId 1073741826");
        }

        foreach (var (folder, writers) in new[]
        {
            ("'Báo cáo dân vận/Quyết định'", new[] { "vp.cv@mau.example.vn" }),
            ("'Báo cáo dân vận/2027/Đợt 1/Nộp'", new[] { "vp.truong@mau.example.vn", "vp.cv@mau.example.vn",
                "vhxh.truong@mau.example.vn", "'o'\\''neil@mau.example.vn'" }),
            ("'Báo cáo dân vận/2027/Đợt 2/Nộp'", new[] { "vp.truong@mau.example.vn", "vp.cv@mau.example.vn",
                "vhxh.truong@mau.example.vn", "'o'\\''neil@mau.example.vn'" }),
        })
        {
            var on = $"--webUrl {Site} --folderUrl {folder}";
            expected.Add($"m365 spo folder roleinheritance break {on} --clearExistingPermissions --force");
            expected.Add($"m365 spo folder roleassignment add {on} --groupName 'Phường Mẫu Owners' --roleDefinitionId 1073741829");
            expected.Add($"m365 spo folder roleassignment add {on} --entraGroupId {Group} --roleDefinitionId 1073741826");
            expected.AddRange(writers.Select(w => $"m365 spo folder roleassignment add {on} --upn {w} --roleDefinitionId 1073741827"));
        }

        Assert.Equal(expected, lines);
    }

    [Fact]
    public void ReadOnlyLists_Schema_EveryListButTheLibraryAndTheReportsPeopleType()
    {
        var expected = SiteSchema.All.Where(l => !l.IsLibrary && l != SiteSchema.Reports).Select(l => l.DisplayName);

        Assert.Equal(expected, LockdownPlan.ReadOnlyLists.Select(l => l.DisplayName));
        Assert.DoesNotContain(SiteSchema.Reports, LockdownPlan.ReadOnlyLists);
    }

    [Fact]
    public void ReturnContributors_SampleWard_HeadsAndAssigneesOnceSignerLeftOut()
    {
        Assert.Equal(["vp.truong@mau.example.vn", "vp.cv@mau.example.vn", "vhxh.truong@mau.example.vn", "o'neil@mau.example.vn"],
            LockdownPlan.ReturnContributors(SampleUnits));
    }

    [Fact]
    public void Build_NoPublishers_DecisionsFolderHasNoWriterBesideOwners()
    {
        var decisions = LockdownPlan.Build(Target(), SampleDecision, SampleUnits)
            .Where(c => c.Words.Contains("Báo cáo dân vận/Quyết định")).ToList();

        Assert.Equal(3, decisions.Count);
        Assert.DoesNotContain(decisions, c => c.Words.Contains("--upn"));
    }

    [Theory]
    [InlineData("plain-word_1.0@x.vn", "plain-word_1.0@x.vn")]
    [InlineData("Phân công", "'Phân công'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$(rm -rf /)", "'$(rm -rf /)'")]
    public void Quote_Word_ReadBackUnchangedByTheShell(string word, string quoted) =>
        Assert.Equal(quoted, M365Command.Quote(word));

    [Fact]
    public void ToTabSeparated_Command_WordsJoinedByTabs() =>
        Assert.Equal("m365\tspo\tlist\tget\t--listTitle\tPhân công",
            new M365Command(["m365", "spo", "list", "get", "--listTitle", "Phân công"]).ToTabSeparated());

    [Theory]
    [InlineData("a\tb")]
    [InlineData("a\nb")]
    [InlineData("")]
    public void Constructor_WordWithTabOrLineBreakOrEmpty_Refused(string word) =>
        Assert.Throws<ArgumentException>(() => new M365Command(["m365", "spo", word]));
}
