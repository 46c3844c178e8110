using System.Text.Json.Nodes;
using DanVan365.TestUtilities;

namespace DanVan365.LocalM365.Tests.Seed;

public sealed class SeedTests
{
    private static JsonArray SeedUsers() => (JsonArray)JsonNode.Parse(LocalGraphServer.DefaultSeedJson)!["users"]!;

    [Fact]
    public void DefaultSeed_EveryUnitDirectoryPerson_IsASeedUserByMail()
    {
        var mails = SeedUsers().Select(u => (string?)u!["mail"]
            ?? (string)u!["userPrincipalName"]!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var people = Bundled.Units.Units.SelectMany(u => u.Assignees.Append(u.Head)).OfType<string>().ToList();

        Assert.NotEmpty(people);
        Assert.All(people, p => Assert.Contains(p, mails));
    }

    [Fact]
    public void DefaultSeed_HasPeopleWhoseMailIsNotTheirSignInName()
    {
        var differing = SeedUsers().Where(u => u!["mail"] is not null
            && !string.Equals((string)u["mail"]!, (string)u["userPrincipalName"]!, StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.True(differing.Count >= 2, "the seed needs people found only by a $filter on mail");
    }
}
