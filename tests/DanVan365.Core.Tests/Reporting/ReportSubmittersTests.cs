using DanVan365.Core.Reporting;
using DanVan365.Core.Units;
using static DanVan365.Core.Tests.Reporting.SubmitterDirectory;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>The one rule of "who may submit a unit's report", for the form (API) and a library upload alike.</summary>
public class ReportSubmittersTests
{
    private static UnitDirectory Units => SubmitterDirectory.Units;

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
