using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;
using static DanVan365.Core.Tests.Escalation.EscalationFixture;

namespace DanVan365.Core.Tests.Escalation;

/// <summary>Units the committee only requests: never on the ladder, at most one courtesy reminder to their own contact.</summary>
public class CourtesyReminderTests
{
    private static EscalationItem Task(string unit, DateOnly lastDay, string code = "2.3") =>
        EscalationItem.ForAssignment(code, "Tổ chức đối thoại với Nhân dân", unit, lastDay, listItemUrl: "https://haian.sharepoint.com/x");

    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/>, feeding back what was sent (as Nhật ký thông báo
    /// does); returns (day, notification).</summary>
    private static List<(DateOnly Day, EscalationNotification Sent)> Walk(DateOnly from, DateOnly to, EscalationOptions options,
        params EscalationItem[] items)
    {
        var directory = RecipientDirectory.From(EscalationFixture.Units, options);
        var log = new HashSet<string>(StringComparer.Ordinal);
        var sent = new List<(DateOnly, EscalationNotification)>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var plan = EscalationPolicy.Plan(items, directory, Calendar, options, day, log);
            foreach (var n in plan.Notifications)
            {
                Assert.True(log.Add(n.IdempotencyKey), $"{n.IdempotencyKey} twice");
                sent.Add((day, n));
            }
        }

        return sent;
    }

    [Theory]
    [InlineData("MTTQ", "mttq.head@haian.example.vn")]
    [InlineData("TDP", "tdp.head@haian.example.vn")]
    public void Plan_RequestedUnitPastEveryRung_OneCourtesyToItsHeadOnly(string unit, string head)
    {
        // Last day Tue 31/03: −3 is Sat 28/03, so the courtesy goes out on Mon 30/03; the ladder would run to +7 (07/04).
        var sent = Walk(D(3, 1), D(5, 31), Options(), Task(unit, D(3, 31)), EscalationItem.ForReport(1, D(3, 31), unit));

        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal((D(3, 30), head, EscalationKind.Courtesy), (s.Day, s.Sent.Recipient.Key, s.Sent.Level.Kind)));
        Assert.Equal([$"{head}|BC:1|{unit}|courtesy", $"{head}|PC:2.3|{unit}|courtesy"],
            sent.Select(s => s.Sent.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(sent, s => s.Sent.Recipient.Key is Signer or "vhxh.head@haian.example.vn");
    }

    [Fact]
    public void Plan_RequestedUnitWithoutHead_CourtesyToItsAssignees()
    {
        var sent = Walk(D(3, 1), D(5, 31), Options(), Task("BXDD", D(3, 31)));

        Assert.Equal(["bxdd.a@haian.example.vn", "bxdd.b@haian.example.vn"], sent.Select(s => s.Sent.Recipient.Key).Order());
        Assert.All(sent, s => Assert.Equal([RecipientRole.UnitAssignees], s.Sent.Roles));
    }

    [Fact]
    public void Plan_ExternalUnits_NothingByDefault()
    {
        var sent = Walk(D(3, 1), D(5, 31), Options(), Task("BV", D(3, 31)), Task("DN", D(3, 31)),
            EscalationItem.ForReport(1, D(3, 31), "BV"));

        Assert.Empty(sent);
    }

    [Fact]
    public void Plan_ExternalCourtesyConfigured_ContactOnceUnitWithoutContactNothing()
    {
        var options = Options();
        options.Courtesy.External = true;

        var sent = Walk(D(3, 1), D(5, 31), options, Task("BV", D(3, 31)), Task("DN", D(3, 31)));
        var directory = RecipientDirectory.From(EscalationFixture.Units, options);
        var plan = EscalationPolicy.Plan([Task("DN", D(3, 31))], directory, Calendar, options, D(3, 30), new HashSet<string>());

        var only = Assert.Single(sent);
        Assert.Equal(("bv.head@haian.example.vn", D(3, 30)), (only.Sent.Recipient.Key, only.Day));
        Assert.Empty(plan.Notifications);
        Assert.Empty(plan.Problems);
    }

    [Fact]
    public void Plan_KindSwitchedOff_Nothing()
    {
        var options = Options();
        options.Courtesy.Front = false;

        Assert.Empty(Walk(D(3, 1), D(5, 31), options, Task("MTTQ", D(3, 31))));
    }

    [Fact]
    public void Plan_FirstRunAfterLastDay_NoCourtesyNoChase()
    {
        Assert.Empty(Walk(D(4, 1), D(5, 31), Options(), Task("MTTQ", D(3, 31))));
    }

    [Fact]
    public void Plan_MissedSendDay_CaughtUpOnTheLastDay()
    {
        var sent = Walk(D(3, 31), D(4, 30), Options(), Task("MTTQ", D(3, 31)));

        Assert.Equal(D(3, 31), Assert.Single(sent).Day);
    }

    [Fact]
    public void Plan_OffsetConfigured_SentOnItsDayAndKeyUnchanged()
    {
        var options = Options();
        options.Courtesy.OffsetDays = -7;

        var sent = Assert.Single(Walk(D(3, 1), D(5, 31), options, Task("MTTQ", D(3, 31))));

        Assert.Equal(D(3, 24), sent.Day);
        Assert.Equal("mttq.head@haian.example.vn|PC:2.3|MTTQ|courtesy", sent.Sent.IdempotencyKey);
    }

    [Fact]
    public void Plan_AssignedUnitBesideRequestedOne_StillClimbsTheLadder()
    {
        var sent = Walk(D(3, 1), D(5, 31), Options(), Task("KT", D(3, 31)), Task("MTTQ", D(3, 31)));

        Assert.Contains(sent, s => s.Sent.Recipient.Key == Signer && s.Sent.Item.UnitCode == "KT");
        Assert.All(sent.Where(s => s.Sent.Item.UnitCode == "MTTQ"), s => Assert.Equal(EscalationKind.Courtesy, s.Sent.Level.Kind));
    }

    [Fact]
    public void Plan_UnknownUnit_ProblemAndNoMail()
    {
        var plan = EscalationPolicy.Plan([Task("KHONGCO", D(3, 31))], Directory(), Calendar, Options(), D(4, 1), new HashSet<string>());

        Assert.Empty(plan.Notifications);
        Assert.Contains(plan.Problems, p => p.Contains("KHONGCO", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-400)]
    public void Validate_CourtesyOffsetOutOfRange_NamesTheSetting(int offset)
    {
        var options = Options();
        options.Courtesy.OffsetDays = offset;

        var error = Assert.Throws<ConfigurationException>(options.Validate);

        Assert.Equal("Escalation:Courtesy:OffsetDays", error.Setting);
        Assert.Contains(offset.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_OnForPartyFrontResidentialOffForExternalAndAssigned()
    {
        var courtesy = new EscalationOptions().Courtesy;

        Assert.Equal(-3, courtesy.OffsetDays);
        Assert.True(courtesy.IsOnFor(Core.Units.UnitKind.PartyBody));
        Assert.True(courtesy.IsOnFor(Core.Units.UnitKind.FrontOrMassOrganisation));
        Assert.True(courtesy.IsOnFor(Core.Units.UnitKind.ResidentialGroup));
        Assert.False(courtesy.IsOnFor(Core.Units.UnitKind.External));
        Assert.False(courtesy.IsOnFor(Core.Units.UnitKind.Office));
        Assert.False(courtesy.IsOnFor(Core.Units.UnitKind.PublicServiceUnit));
    }
}
