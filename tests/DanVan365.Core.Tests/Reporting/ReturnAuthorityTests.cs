using DanVan365.Core.Reporting;
using static DanVan365.Core.Tests.Reporting.SubmitterDirectory;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>Who may return a unit's submission for additions (issue 23): the aggregating unit's people, never its maker.</summary>
public class ReturnAuthorityTests
{
    [Theory]
    [InlineData(VhxhHead)]
    [InlineData(VhxhAssignee)]
    public void Refusal_PersonOfTheAggregatingUnit_Allowed(string caller)
    {
        Assert.Null(ReturnAuthority.Refusal(SubmitterDirectory.Units, "VHXH", caller, [VpAssignee]));
    }

    [Theory]
    [InlineData(VpHead)]
    [InlineData(Signer)]
    [InlineData(null)]
    public void Refusal_AnyoneElse_WrongRoleInVietnamese(string? caller)
    {
        var refusal = ReturnAuthority.Refusal(SubmitterDirectory.Units, "VHXH", caller, []);

        Assert.Equal(ReturnAuthority.WrongRole, refusal?.Rule);
        Assert.Contains("Phòng Văn hóa - Xã hội", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_NoAggregatingUnit_WrongRole()
    {
        Assert.Equal(ReturnAuthority.WrongRole, ReturnAuthority.Refusal(SubmitterDirectory.Units, null, VhxhHead, [])?.Rule);
    }

    [Fact]
    public void Refusal_CallerMadeTheSubmission_OwnSubmission()
    {
        var refusal = ReturnAuthority.Refusal(SubmitterDirectory.Units, "VHXH", VhxhHead, [null, VhxhHead.ToUpperInvariant()]);

        Assert.Equal(ReturnAuthority.OwnSubmission, refusal?.Rule);
    }
}
