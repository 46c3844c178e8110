using DanVan365.Core.Errors;
using DanVan365.Core.Reporting;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Units;

/// <summary>A unit's abbreviation in document numbers ("Số:      /BC-VHXH"): the directory's "abbreviation", else its code.</summary>
public class UnitAbbreviationTests
{
    private static string Json(string abbreviation) => $$"""
        {
          "units": [
            { "code": "VHXH", "name": "Phòng Văn hóa - Xã hội", "kind": "office", {{abbreviation}} "assignees": [] },
            { "code": "KTHTDT", "name": "Phòng Kinh tế, Hạ tầng và Đô thị", "kind": "office", "assignees": [] }
          ]
        }
        """;

    [Fact]
    public void FromJson_Abbreviation_UsedInsteadOfTheCode()
    {
        var units = UnitDirectory.FromJson(Json("\"abbreviation\": \"VH-XH\","), "units.json");

        Assert.Equal("VH-XH", units.Get("VHXH").Abbreviation);
        Assert.Equal("VH-XH", ReportPlanner.Abbreviation(units, "VHXH"));
        Assert.Null(units.Get("KTHTDT").Abbreviation);
        Assert.Equal("KTHTDT", ReportPlanner.Abbreviation(units, "KTHTDT"));
    }

    [Theory]
    [InlineData("\"abbreviation\": \"\",")]
    [InlineData("\"abbreviation\": \"BC/VHXH\",")]
    public void FromJson_BadAbbreviation_InvalidInputWithLine(string abbreviation)
    {
        var ex = Assert.Throws<InvalidInputException>(() => UnitDirectory.FromJson(Json(abbreviation), "units.json"));

        Assert.Equal(3, ex.Line);
        Assert.Contains("abbreviation", ex.Message, StringComparison.Ordinal);
    }
}
