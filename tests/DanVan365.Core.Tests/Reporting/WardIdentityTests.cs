using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Reporting;
using DanVan365.Core.Units;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>The report's heading, recipients and signature come from the decision and the ward's configuration.</summary>
public class WardIdentityTests
{
    private static readonly Decision HaiAn = ReportCatalogueBuilder.HaiAnDecision();

    [Fact]
    public void From_DecisionOnly_IssuerSignerCapacityRecipientsAndFilingFromTheDecision()
    {
        var ward = WardIdentity.From(HaiAn);

        Assert.Equal(("phường", "Hải An", "Hải An"), (ward.Kind, ward.Name, ward.Place));
        Assert.Equal("Ủy ban nhân dân phường Hải An", ward.CommitteeName);
        Assert.Equal("PHƯỜNG HẢI AN", ward.UpperName);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], ward.SignerCapacity);
        Assert.Equal("Bùi Quang Ngân", ward.Signer);
        Assert.Equal("Lưu: VT, VHXH", ward.FilingLine);
        // "Như Điều 3" (the decision's own addressees) and the decision's "Lưu" are not the report's recipients.
        Assert.Equal(["TTĐU, TT HĐND phường", "CT, các PCT UBND phường", "UBMTTQ VN phường", "Các phòng, đơn vị trực thuộc",
            "Đơn vị sự nghiệp công lập trực thuộc", "Cổng thông tin điện tử phường"], ward.Recipients);
    }

    [Fact]
    public void From_OtherWardsDecisionAndConfiguration_OtherHeadingRecipientsAndSigner()
    {
        var decision = HaiAn with
        {
            Issuer = "Ủy ban nhân dân xã Kiến Thụy",
            Signer = "Trần Văn Minh",
            SignerCapacity = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        };
        var options = new ReportOptions
        {
            Recipients = ["Ban Dân vận Thành ủy", "Sở Nội vụ thành phố", "TT Đảng ủy, TT HĐND xã"],
            Signer = "Lê Thị Hoa",
            SignerCapacity = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
            Filing = "VH-XH",
            Place = "Kiến Thụy",
        };

        var ward = WardIdentity.From(decision, "Xã Kiến Thụy", options);

        Assert.Equal("Ủy ban nhân dân xã Kiến Thụy", ward.CommitteeName);
        Assert.Equal("XÃ KIẾN THỤY", ward.UpperName);
        Assert.Equal(["Ban Dân vận Thành ủy", "Sở Nội vụ thành phố", "TT Đảng ủy, TT HĐND xã"], ward.Recipients);
        Assert.Equal("Lê Thị Hoa", ward.Signer);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], ward.SignerCapacity);
        Assert.Equal("Lưu: VT, VH-XH", ward.FilingLine);
    }

    [Fact]
    public void From_DecisionWithoutIssuer_NameFromTheWardsName()
    {
        var ward = WardIdentity.From(HaiAn with { Issuer = string.Empty }, "Phường Đồ Sơn");

        Assert.Equal("Ủy ban nhân dân phường Đồ Sơn", ward.CommitteeName);
        Assert.Equal("Đồ Sơn", ward.Place);
    }

    [Fact]
    public void From_AggregatingUnitWithAbbreviation_FilingUsesTheAbbreviation()
    {
        var units = new UnitDirectory(
            [new Unit("VHXH", "Phòng Văn hóa - Xã hội", [], UnitKind.Office, null, []) { Abbreviation = "VH-XH" }]);

        Assert.Equal("Lưu: VT, VH-XH", WardIdentity.From(HaiAn, units: units).FilingLine);
        Assert.Equal("VH-XH", ReportPlanner.Abbreviation(units, "VHXH"));
        Assert.Equal("KTHTDT", ReportPlanner.Abbreviation(units, "KTHTDT"));
    }

    [Fact]
    public void Validate_FilingLineAmongRecipients_NamesTheSetting()
    {
        var options = new ReportOptions { Recipients = ["Ban Dân vận Thành ủy", "Lưu: VT, VHXH"] };

        var ex = Assert.Throws<ConfigurationException>(() => options.Validate("Wards:0:Report"));

        Assert.Equal("Wards:0:Report:Recipients:1", ex.Setting);
    }

    [Fact]
    public void Validate_SignerWithoutCapacity_Refused()
    {
        var options = new ReportOptions { Signer = "Lê Thị Hoa" };

        var ex = Assert.Throws<ConfigurationException>(() => options.Validate("Ward:Report"));

        Assert.Equal("Ward:Report:SignerCapacity", ex.Setting);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("Ban Dân vận Thành ủy; Sở Nội vụ")]
    public void Validate_BlankOrJoinedRecipient_Refused(string recipient) =>
        Assert.Throws<ConfigurationException>(() => new ReportOptions { Recipients = [recipient] }.Validate("Ward:Report"));

    [Fact]
    public void Validate_RepeatedRecipient_Refused() =>
        Assert.Throws<ConfigurationException>(() => new ReportOptions { Recipients = ["Sở Nội vụ", "sở nội vụ"] }.Validate("Ward:Report"));

    [Fact]
    public void Validate_NothingSet_Valid() => new ReportOptions().Validate("Ward:Report");
}
