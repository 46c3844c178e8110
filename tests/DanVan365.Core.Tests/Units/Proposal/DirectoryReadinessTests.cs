using DanVan365.Core.Escalation;
using DanVan365.Core.Lockdown;
using DanVan365.Core.Units;
using DanVan365.Core.Units.Proposal;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Units.Proposal;

public class DirectoryReadinessTests
{
    private const string Directory = """
        { "units": [
            { "code": "VP", "name": "Văn phòng HĐND và UBND phường", "kind": "office", "publishesDecisions": true,
              "head": { "email": "vp.truong@moi.invalid", "objectId": "00000000-0000-0000-0000-000000000000", "displayName": "Cần điền" },
              "assignees": [] },
            { "code": "CA", "name": "Công an phường", "kind": "external", "kindToCheck": true, "assignees": [] } ] }
        """;

    [Fact]
    public void Check_PlaceholdersAndGuessedKind_EachMissingWithItsUnit()
    {
        var units = UnitDirectory.FromJson(Directory, "units.json");

        var checks = DirectoryReadiness.Check(units, "qd.txt", null, HolidayCalendarFile.Default(), 2026, "Escalation:HolidayFiles");

        Assert.Contains(checks, c => c.Key == "people:VP" && c.State == ProtectionState.Missing);
        Assert.Contains(checks, c => c.Key == "kind:CA" && c.State == ProtectionState.Missing);
        Assert.Contains(checks, c => c.Key == "decision" && c.State == ProtectionState.InPlace);
        Assert.Contains(checks, c => c.Key == "holidays" && c.State == ProtectionState.InPlace);
        Assert.Null(units.People.Single(p => p.Unit == "VP").ObjectId);
    }

    [Fact]
    public void Check_BundledDirectoryYearWithoutHolidays_OnlyTheHolidayFileMissing()
    {
        var checks = DirectoryReadiness.Check(Bundled.Units, "qd.txt", null, HolidayCalendarFile.Default(), 2027,
            "Escalation:HolidayFiles");

        var missing = Assert.Single(checks, c => c.State == ProtectionState.Missing);
        Assert.Equal("holidays", missing.Key);
        Assert.Contains("2027", missing.Detail, StringComparison.Ordinal);
    }
}
