using DanVan365.Core.Errors;
using DanVan365.Core.Reporting;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Units;

/// <summary>One validator for unit codes wherever a path or file name is built.</summary>
public class UnitCodesTests
{
    [Theory]
    [InlineData("VHXH")]
    [InlineData("KTHTDT")]
    [InlineData("CA_PHUONG")]
    [InlineData("MTTQ-1")]
    public void Problem_OrdinaryCodes_None(string code) => Assert.Null(UnitCodes.Problem(code));

    [Theory]
    [InlineData("")]
    [InlineData("../VP")]
    [InlineData("VP/..")]
    [InlineData("A\\B")]
    [InlineData("A..B")]
    [InlineData("VP\u0007")]
    [InlineData("VP:1")]
    [InlineData("VP?")]
    [InlineData("VP#")]
    [InlineData("VP|X")]
    [InlineData(" VP")]
    [InlineData("VP.")]
    [InlineData("CON")]
    [InlineData("lpt1")]
    [InlineData("a_vti_b")]
    [InlineData("~$VP")]
    public void Problem_PathBreakingCodes_Refused(string code) => Assert.NotNull(UnitCodes.Problem(code));

    [Fact]
    public void FromJson_UnitCodeWithSlash_InvalidInputWithFileAndLine()
    {
        const string Json = "{\"units\":[\n{\"code\":\"VP\",\"name\":\"Văn phòng\",\"kind\":\"office\"},\n"
            + "{\"code\":\"../VHXH\",\"name\":\"Phòng Văn hóa - Xã hội\",\"kind\":\"office\"}]}";

        var ex = Assert.Throws<InvalidInputException>(() => UnitDirectory.FromJson(Json, "units.json"));

        Assert.Equal(("units.json", 3), (ex.File, ex.Line));
        Assert.Contains("../VHXH", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmissionFileName_CodeWithSlash_Throws() =>
        Assert.Throws<ArgumentException>(() => ReportLibrary.SubmissionFileName(new TemplateKey("../VP", 1, "v")));

    [Fact]
    public void UnitFromFileName_DotsForCode_Null() => Assert.Null(ReportLibrary.UnitFromFileName("Bao-cao-Dot-1-...docx"));
}
