using DanVan365.Core.Planner;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Planner;

/// <summary>Who a Planner sync resolves, with the directory's object ids (docs/architecture.md "Authority").</summary>
public class PlannerAssigneesTests
{
    [Fact]
    public void Of_BundledWard_EveryAssigneeCarriesTheDirectorysObjectIdAndItsTasksUnit()
    {
        var specs = PlannerDesign.Tasks(Bundled.Catalogue, Bundled.Units, new PlannerLinks(_ => null, null));
        var emails = specs.SelectMany(s => s.AssigneeEmails).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var people = PlannerAssignees.Of(emails, specs, Bundled.Units);

        Assert.Equal(emails.Count, people.Count);
        Assert.All(people, p =>
        {
            var person = Bundled.Units.People.First(d => d.Unit == p.UnitCode
                && string.Equals(d.Email, p.Email, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(person.ObjectId, p.ObjectId);
        });
    }

    [Fact]
    public void Of_AddressTheDirectoryDoesNotKnow_NoObjectIdSoTheAdapterFallsBackToMail()
    {
        var person = Assert.Single(PlannerAssignees.Of(new HashSet<string> { "la@x.vn" }, [], Bundled.Units));

        Assert.Equal(new PlannerAssignee("la@x.vn", string.Empty, null), person);
    }
}
