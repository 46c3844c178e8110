using DanVan365.Core.Reporting;
using DanVan365.Core.Units;
using static DanVan365.Core.Tests.Reporting.SubmitterDirectory;

namespace DanVan365.Core.Tests.Reporting;

public class ReturnUploadersTests
{
    private static UnitDirectory Units => SubmitterDirectory.Units;

    private static FileModifier User(string id, string? name = "Graph name") => new(id, name);

    [Theory]
    [InlineData(VpHead)]
    [InlineData(VpAssignee)]
    public void Refusal_UnitsHeadOrAssignee_Counts(string objectId)
    {
        Assert.Null(ReturnUploaders.Refusal(Units, "VP", "VHXH", User(objectId)));
    }

    [Fact]
    public void Refusal_ObjectIdInOtherCase_Counts()
    {
        Assert.Null(ReturnUploaders.Refusal(Units, "VP", null, User(VpAssignee.ToUpperInvariant())));
    }

    [Fact]
    public void Refusal_AggregatingUnitsHeadForAnotherUnit_CountsAsAdministrator()
    {
        Assert.Null(ReturnUploaders.Refusal(Units, "VP", "VHXH", User(VhxhHead)));
    }

    [Fact]
    public void Refusal_AggregatingUnitsAssigneeForAnotherUnit_Refused()
    {
        var refusal = ReturnUploaders.Refusal(Units, "VP", "VHXH", User(VhxhAssignee));

        Assert.Equal(RejectionKind.NotTheUnitsPerson, refusal!.Kind);
        Assert.Contains("Đỗ Văn Nam", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_PersonOfAnotherUnit_RefusedNamingThemAndTheUnit()
    {
        var refusal = ReturnUploaders.Refusal(Units, "VHXH", "VHXH", User(VpAssignee));

        Assert.Equal(RejectionKind.NotTheUnitsPerson, refusal!.Kind);
        Assert.StartsWith(ReturnUploaders.RefusalOpening, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Lan", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Phòng Văn hóa - Xã hội", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_NoAggregatingUnit_HeadOfAnotherUnitRefused()
    {
        Assert.NotNull(ReturnUploaders.Refusal(Units, "VP", null, User(VhxhHead)));
    }

    [Fact]
    public void Refusal_SignerOrUnknownPerson_RefusedWithGraphNameForStrangers()
    {
        Assert.NotNull(ReturnUploaders.Refusal(Units, "VP", "VHXH", User(Signer)));
        var stranger = ReturnUploaders.Refusal(Units, "VP", "VHXH", User(Guid.NewGuid().ToString(), "Người Lạ"));
        Assert.Contains("Người Lạ", stranger!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_ApplicationOnly_Refused()
    {
        var refusal = ReturnUploaders.Refusal(Units, "VP", "VHXH", new FileModifier(null, null, Guid.NewGuid().ToString(), "DanVan365"));

        Assert.Equal(RejectionKind.NotTheUnitsPerson, refusal!.Kind);
        Assert.Contains("một ứng dụng (DanVan365)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_NobodyNamed_Refused()
    {
        Assert.Contains("không xác định được người", ReturnUploaders.Refusal(Units, "VP", "VHXH", null)!.Message, StringComparison.Ordinal);
        Assert.NotNull(ReturnUploaders.Refusal(Units, "VP", "VHXH", new FileModifier(string.Empty, "Không id")));
    }

    [Fact]
    public void Refusal_PersonWithoutObjectIdInDirectory_NeverMatched()
    {
        var units = new UnitDirectory(Units.Units, [], PhraseRules.Default, [new Person("vp.truong@x.vn", "Nguyễn Văn Hùng", "VP", "head",
            null)]);

        Assert.NotNull(ReturnUploaders.Refusal(units, "VP", "VHXH", User(VpHead)));
    }
}
