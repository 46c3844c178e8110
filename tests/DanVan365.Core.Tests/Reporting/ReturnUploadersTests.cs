using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Reporting;

public class ReturnUploadersTests
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
            new Person("vp.truong@x.vn", "Nguyễn Văn Hùng", "VP", "head", "Chánh Văn phòng", VpHead),
            new Person("lan@x.vn", "Trần Thị Lan", "VP", "assignee", "Chuyên viên", VpAssignee),
            new Person("vhxh.truong@x.vn", "Phạm Thị Hồng", "VHXH", "head", "Trưởng phòng", VhxhHead),
            new Person("nam@x.vn", "Đỗ Văn Nam", "VHXH", "assignee", "Chuyên viên", VhxhAssignee),
            new Person("pct@x.vn", "Bùi Quang Ngân", null, "signer", "Phó Chủ tịch", Signer),
        ]);

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

    [Fact]
    public void MustCheck_NewContentOrNeverIngested_True()
    {
        Assert.True(ReturnUploaders.MustCheck(File("v2", stamp: null, rejection: null), out _));
        Assert.True(ReturnUploaders.MustCheck(File("v2", stamp: "v1|cat", rejection: null), out _));
    }

    [Fact]
    public void MustCheck_SameContentCountedBefore_False()
    {
        Assert.False(ReturnUploaders.MustCheck(File("v2", stamp: "v2|old-catalogue", rejection: null), out var standing));
        Assert.Null(standing);
    }

    [Fact]
    public void MustCheck_SameContentRefusedForItsUploader_FalseWithStandingRefusal()
    {
        var reason = ReturnUploaders.RefusalOpening + "người khác.";

        Assert.False(ReturnUploaders.MustCheck(File("v2", stamp: "v2|cat", rejection: reason), out var standing));
        Assert.Equal(reason, standing);
    }

    [Fact]
    public void MustCheck_SameContentRefusedForAnotherReason_True()
    {
        Assert.True(ReturnUploaders.MustCheck(File("v2", stamp: "v2|cat", rejection: "Mẫu của đợt 1, không phải đợt 2."),
            out var standing));
        Assert.Null(standing);
    }

    private static LibraryFile File(string version, string? stamp, string? rejection) => new("id", "2026/Đợt 1/Nộp/x.docx", "x.docx",
        version, 10, null, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [LibraryNames.IngestedHash] = stamp,
            [LibraryNames.Rejection] = rejection,
        });
}
