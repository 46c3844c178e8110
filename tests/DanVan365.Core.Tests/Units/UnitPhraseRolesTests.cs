using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Units;

/// <summary>A resolved clause keeps the role suffixes the resolver strips, and says whether one is a follow-up role.</summary>
public class UnitPhraseRolesTests
{
    [Fact]
    public void Resolve_Cell35d_FirstClauseFollowsUpSecondIsARequestToCoordinate()
    {
        var r = Bundled.Units.Resolve(
            "Phòng Văn hóa - Xã hội tổng hợp, theo dõi chung; đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường phối hợp thực hiện");

        Assert.Equal(2, r.Clauses.Count);
        Assert.Equal(["tổng hợp, theo dõi chung"], r.Clauses[0].Roles);
        Assert.True(r.Clauses[0].FollowsUp);
        Assert.False(r.Clauses[0].IsRequest);
        Assert.Equal(["phối hợp thực hiện"], r.Clauses[1].Roles);
        Assert.False(r.Clauses[1].FollowsUp);
        Assert.True(r.Clauses[1].IsRequest);
    }

    [Fact]
    public void Resolve_NoRoleSuffix_NoRoles()
    {
        var clause = Assert.Single(Bundled.Units.Resolve("Phòng Văn hóa - Xã hội").Clauses);

        Assert.Empty(clause.Roles);
        Assert.False(clause.FollowsUp);
    }

    [Fact]
    public void Resolve_TwoRoleSuffixes_BothOutermostFirst()
    {
        var clause = Assert.Single(Bundled.Units.Resolve("Phòng Văn hóa - Xã hội chủ trì, tổng hợp").Clauses);

        Assert.Equal(["tổng hợp", "chủ trì"], clause.Roles);
        Assert.True(clause.FollowsUp);
    }

    [Fact]
    public void FromJson_FollowUpSuffixes_OverrideTheDefault()
    {
        var directory = UnitDirectory.FromJson("""
            {"units":[{"code":"VHXH","name":"Phòng Văn hóa - Xã hội","kind":"office","assignees":[]}],
             "phraseRules":{"roleSuffixes":["theo dõi chung","tổng hợp"],"followUpSuffixes":["theo dõi chung"]}}
            """, "u.json");

        Assert.True(Assert.Single(directory.Resolve("Phòng Văn hóa - Xã hội theo dõi chung").Clauses).FollowsUp);
        Assert.False(Assert.Single(directory.Resolve("Phòng Văn hóa - Xã hội tổng hợp").Clauses).FollowsUp);
    }

    [Fact]
    public void FromJson_FollowUpSuffixNotARoleSuffix_RefusedWithLine()
    {
        var error = Assert.Throws<InvalidInputException>(() => UnitDirectory.FromJson("""
            {"units":[{"code":"VHXH","name":"Phòng Văn hóa - Xã hội","kind":"office","assignees":[]}],
             "phraseRules":{"roleSuffixes":["tổng hợp"],
               "followUpSuffixes":["đôn đốc"]}}
            """, "u.json"));

        Assert.Contains("u.json:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("đôn đốc", error.Message, StringComparison.Ordinal);
    }
}
