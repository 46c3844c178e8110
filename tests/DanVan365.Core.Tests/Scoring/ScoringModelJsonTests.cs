using DanVan365.Core.Defaults;
using DanVan365.Core.Errors;
using DanVan365.Core.Scoring;

namespace DanVan365.Core.Tests.Scoring;

/// <summary>The scoring model's loader: the bundled file, and bad files refused whole with file:line.</summary>
public class ScoringModelJsonTests
{
    private static readonly string Bundled = DefaultResources.ReadText(ScoringModelJson.DefaultResourcePath);

    private static InvalidInputException Refused(string json) =>
        Assert.Throws<InvalidInputException>(() => ScoringModelJson.FromJson(json, "scoring.json"));

    private static int LineOf(string json, string text) =>
        json[..json.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void LoadDefault_Bundled_LeadOneCoordinatingAboutAThirdGradesOnAHundred()
    {
        var model = ScoringModelJson.LoadDefault();

        Assert.Equal((1.0, 0.3), (model.Roles.Lead, model.Roles.Coordinating));
        Assert.Equal(10, model.Tasks.OnTime);
        Assert.Equal((90d, 70d, 50d), (model.Grades.Excellent, model.Grades.Good, model.Grades.Completed));
        Assert.Equal(1.0, model.SectionWeight("9"));
        Assert.Same(model, ScoringModelJson.LoadDefault());
    }

    [Fact]
    public void FromJson_SyntaxError_InvalidInputWithTheParsersLine()
    {
        var json = Bundled.Replace("\"late\": 7,", "\"late\": 7,,", StringComparison.Ordinal);

        var ex = Refused(json);

        Assert.Equal(("scoring.json", LineOf(json, "\"late\": 7,,")), (ex.File, ex.Line));
        Assert.StartsWith($"scoring.json:{ex.Line}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_MisspeltField_InvalidInputWithItsLine()
    {
        var json = Bundled.Replace("\"inProgress\"", "\"inProgres\"", StringComparison.Ordinal);

        var ex = Refused(json);

        Assert.Equal(LineOf(json, "\"inProgres\""), ex.Line);
        Assert.Contains("inProgres", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_LateDeductionAboveTheLatePoints_LineOfThatMaxNotTheBonusOne()
    {
        var json = Bundled.Replace("\"max\": 3.0", "\"max\": 9.0", StringComparison.Ordinal);

        var ex = Refused(json);

        Assert.Equal(LineOf(json, "\"max\": 9.0"), ex.Line);
        Assert.Contains("\"lateDeduction.max\" is 9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_GradesOutOfOrder_InvalidInputWithTheLine()
    {
        var json = Bundled.Replace("\"good\": 70", "\"good\": 95", StringComparison.Ordinal);

        var ex = Refused(json);

        Assert.Equal(LineOf(json, "\"good\": 95"), ex.Line);
        Assert.Contains("grades.good", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_NegativeSectionWeight_InvalidInputWithTheLine()
    {
        var json = Bundled.Replace("\"3\": 1.0", "\"3\": -1", StringComparison.Ordinal);

        var ex = Refused(json);

        Assert.Equal(LineOf(json, "\"3\": -1"), ex.Line);
    }

    [Fact]
    public void FromJson_MissingPart_InvalidInputNamingIt()
    {
        var ex = Refused("{ \"tasks\": { \"onTime\": 10 } }");

        Assert.Contains("\"tasks\" has no \"late\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("has no \"roles\"", Refused(Bundled[..Bundled.IndexOf("  // Weight of the unit's role", StringComparison.Ordinal)]
            .TrimEnd().TrimEnd(',') + "}").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_CoordinatingAboveLead_Refused() =>
        Refused(Bundled.Replace("\"coordinating\": 0.3", "\"coordinating\": 1.5", StringComparison.Ordinal));
}
