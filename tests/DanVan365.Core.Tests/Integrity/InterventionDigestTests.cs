using DanVan365.Core.Escalation;
using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Integrity;

/// <summary>Issue 22: the unreported interventions go to the head of the aggregating unit, one sentence each.</summary>
public class InterventionDigestTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static RecordedIntervention Recorded(InterventionAction action = InterventionAction.Restored) => new("5", "k1",
        new Intervention("Phân công", "3.5.a|VHXH", "Hạn sau gia hạn", "2026-12-31", "2026-02-14", action, "lý do",
            new FileModifier("oid-1", "Nguyễn Văn A"), new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(7))), Today);

    [Fact]
    public void Sentence_Restored_TellsWhoWhenWhereFoundAndRestored()
    {
        Assert.Equal("Ngày 01/03/2026, đồng chí Nguyễn Văn A sửa cột “Hạn sau gia hạn” của dòng 3.5.a|VHXH (Phân công) từ 14/02/2026 "
            + "thành 31/12/2026; DanVan365 đã khôi phục.", InterventionDigest.Sentence(Recorded()));
    }

    [Fact]
    public void Sentence_Ignored_SaysTheRowIsNotUsed()
    {
        Assert.EndsWith("DanVan365 không sử dụng dòng này.", InterventionDigest.Sentence(Recorded(InterventionAction.Ignored)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Unreported_OneNotificationForTheAggregatingUnitsHead()
    {
        var setup = EscalationSetup.For(Bundled.Catalogue, Bundled.Units);

        var (notifications, problems) = InterventionDigest.Plan([Recorded()], setup.Directory, Today);

        Assert.Empty(problems);
        var n = Assert.Single(notifications);
        Assert.Equal((EscalationKind.Intervention, "IV:k1"), (n.Level.Kind, n.Item.Key));
        Assert.Equal([RecipientRole.AggregatingUnitHead], n.Roles);
        var digest = EscalationDigestComposer.Compose(n.Recipient, notifications, Today);
        Assert.Contains("<li>" + System.Net.WebUtility.HtmlEncode(InterventionDigest.Sentence(Recorded())) + "</li>", digest.HtmlBody,
            StringComparison.Ordinal);
        Assert.Contains("1 lượt can thiệp ngoài hệ thống", digest.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-31", "2026-12-31T00:00:00Z")]
    [InlineData("2026-12-31T00:00:00Z", "2026-12-31T00:00:00Z")]
    [InlineData("Hoàn thành trước 15/02/2026", "Hoàn thành trước 15/02/2026")]
    [InlineData("31/12/2026", "31/12/2026")]
    public void AsRead_IsoText_TheFormGraphReadsBack(string written, string read) =>
        Assert.Equal(read, IsoText.AsRead(written));
}
