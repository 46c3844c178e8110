using DanVan365.Core.Reporting;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>The one rule of "who may submit a unit's report", for the form (API) and a library upload alike.</summary>
public class ReportSubmittersTests
{
    private const string VhxhHead = "39bf89d8-f4a4-551c-9ff8-c6f1f6c5973d";
    private const string VhxhAssignee = "39970e27-323a-536f-89a4-2638099632b7";
    private const string VpHead = "7c118239-c5d0-563a-b4ad-251375f58bca";
    private const string VpAssignee = "c664e2bc-8dc2-5dd9-ad1c-bc34ec8490a8";
    private const string Signer = "c9852613-62e7-5780-a738-d84ef610b66a";

    private static readonly UnitDirectory Units = new(
        [
            new Unit("VP", "Văn phòng HĐND và UBND phường", [], UnitKind.Office, "vp.truong@x.vn", ["lan@x.vn"]),
            new Unit("VHXH", "Phòng Văn hóa - Xã hội", [], UnitKind.Office, "vhxh.truong@x.vn", ["nam@x.vn"]),
        ],
        [],
        PhraseRules.Default,
        [
            new Person("vp.truong@x.vn", "Nguyễn Văn Hùng", "VP", PersonRoles.Head, "Chánh Văn phòng", VpHead),
            new Person("lan@x.vn", "Trần Thị Lan", "VP", PersonRoles.Assignee, "Chuyên viên", VpAssignee),
            new Person("vhxh.truong@x.vn", "Phạm Thị Hồng", "VHXH", PersonRoles.Head, "Trưởng phòng", VhxhHead),
            new Person("nam@x.vn", "Đỗ Văn Nam", "VHXH", PersonRoles.Assignee, "Chuyên viên", VhxhAssignee),
            new Person("pct@x.vn", "Bùi Quang Ngân", null, PersonRoles.Signer, "Phó Chủ tịch", Signer),
        ]);

    [Theory]
    [InlineData(VpHead)]
    [InlineData(VpAssignee)]
    public void MaySubmit_UnitsHeadOrAssignee_True(string objectId)
    {
        Assert.True(ReportSubmitters.MaySubmit(Units, "VP", "VHXH", objectId));
        Assert.True(ReportSubmitters.MaySubmit(Units, "VP", null, objectId));
    }

    [Fact]
    public void MaySubmit_AggregatingUnitsHeadForAnotherUnit_True()
    {
        Assert.True(ReportSubmitters.MaySubmit(Units, "VP", "VHXH", VhxhHead));
    }

    [Fact]
    public void MaySubmit_NoAggregatingUnit_HeadOfAnotherUnitFalse()
    {
        Assert.False(ReportSubmitters.MaySubmit(Units, "VP", null, VhxhHead));
        Assert.False(ReportSubmitters.MaySubmit(Units, "VP", " ", VhxhHead));
    }

    [Fact]
    public void MaySubmit_AggregatingUnitsAssigneeOrSignerForAnotherUnit_False()
    {
        Assert.False(ReportSubmitters.MaySubmit(Units, "VP", "VHXH", VhxhAssignee));
        Assert.False(ReportSubmitters.MaySubmit(Units, "VP", "VHXH", Signer));
    }

    [Fact]
    public void MaySubmit_ObjectIdInOtherCaseOrPadded_True()
    {
        Assert.True(ReportSubmitters.MaySubmit(Units, "VP", null, " " + VpAssignee.ToUpperInvariant() + " "));
    }

    [Fact]
    public void MaySubmit_NoObjectIdOrStranger_False()
    {
        Assert.False(ReportSubmitters.MaySubmit(Units, "VP", "VHXH", null));
        Assert.False(ReportSubmitters.MaySubmit(Units, "VP", "VHXH", string.Empty));
        Assert.False(ReportSubmitters.MaySubmit(Units, "VP", "VHXH", Guid.NewGuid().ToString()));
    }

    [Fact]
    public void MaySubmit_PersonWithoutObjectIdInDirectory_NeverMatched()
    {
        var units = new UnitDirectory(Units.Units, [], PhraseRules.Default,
            [new Person("vp.truong@x.vn", "Nguyễn Văn Hùng", "VP", PersonRoles.Head, null)]);

        Assert.False(ReportSubmitters.MaySubmit(units, "VP", "VP", VpHead));
        Assert.Empty(ReportSubmitters.UnitsOf(units, VpHead));
    }

    [Fact]
    public void UnitsOf_HeadOfOneUnit_ThatUnitOnly()
    {
        Assert.Equal(["VHXH"], ReportSubmitters.UnitsOf(Units, VhxhHead));
        Assert.Empty(ReportSubmitters.UnitsOf(Units, Signer));
        Assert.Empty(ReportSubmitters.UnitsOf(Units, null));
    }

    [Fact]
    public void MaySubmit_UploadAndFormPaths_SameAnswerForEveryPerson()
    {
        foreach (var person in Units.People)
        {
            foreach (var unit in new[] { "VP", "VHXH" })
            {
                var upload = ReturnUploaders.Refusal(Units, unit, "VHXH", new FileModifier(person.ObjectId, person.DisplayName)) is null;
                Assert.Equal(ReportSubmitters.MaySubmit(Units, unit, "VHXH", person.ObjectId), upload);
            }
        }
    }
}
