using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;
using DanVan365.Core.Units.Proposal;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Units.Proposal;

/// <summary>
/// `danvan365 init`'s proposal from the bundled decision read without a directory (docs/architecture.md "A new ward: init").
/// </summary>
public class DirectoryProposerTests
{
    private static readonly Lazy<RawCatalogue> Raw = new(() =>
    {
        using var stream = File.OpenRead(TestData.DecisionTextPath);
        return TextDecisionImporter.ReadWithoutDirectory(stream, TestData.DecisionTextPath);
    });

    private static DirectoryProposal Propose() => DirectoryProposer.Propose(Raw.Value, "Phường Hải An");

    [Fact]
    public void Propose_BundledDecision_EveryPhraseOfTheDecisionResolvesWithTheProposedDirectory()
    {
        var units = UnitDirectory.FromJson(Propose().ToJson(), "units.json");

        var catalogue = DecisionImporters.Import(TestData.DecisionTextPath, units);

        Assert.Equal(Bundled.Catalogue.Tasks.Count, catalogue.Tasks.Count);
        foreach (var entry in Raw.Value.Entries)
        {
            Assert.True(units.Resolve(entry.LeadText).IsResolved, entry.LeadText);
            Assert.True(entry.CoordinatingText.Length == 0 || units.Resolve(entry.CoordinatingText).IsResolved, entry.CoordinatingText);
        }
    }

    [Fact]
    public void Propose_BundledDecision_KindsOfTheKnownBodiesAreTheBundledDirectorysByName()
    {
        var proposal = Propose();

        Assert.Equal(11, proposal.Units.Count);
        foreach (var unit in proposal.Units)
        {
            var bundled = Bundled.Units.Resolve(unit.Name);
            Assert.True(bundled.IsResolved, unit.Name);
            var code = Assert.Single(bundled.Units);
            Assert.True(Bundled.Units.Get(code).Kind == unit.Kind, $"{unit.Name}: {unit.Kind}, bundled {Bundled.Units.Get(code).Kind}");
            Assert.True(unit.KindSure, unit.Name);
        }
    }

    [Fact]
    public void Propose_BundledDecision_GroupsExpandToTheOfficesAndThePublicServiceUnits()
    {
        var units = UnitDirectory.FromJson(Propose().ToJson(), "units.json");

        var all = units.Resolve("Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc").Units.ToHashSet();
        var offices = units.Resolve("Các phòng, đơn vị trực thuộc phường").Units.Select(c => units.Get(c).Kind).Distinct();

        Assert.Equal(units.Units.Where(u => u.IsAssigned).Select(u => u.Code).ToHashSet(), all);
        Assert.Equal([UnitKind.Office], offices);
        Assert.Equal(Bundled.Units.Resolve("Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc").Units.Count, all.Count);
    }

    [Fact]
    public void Propose_BundledDecision_SameBodyWrittenAnotherWayIsAnAliasNotAUnit()
    {
        var units = UnitDirectory.FromJson(Propose().ToJson(), "units.json");

        var vhxh = units.Resolve("Phòng Văn hóa - Xã hội").Units;
        var vp = units.Resolve("Văn phòng HĐND và UBND phường").Units;

        Assert.Equal(vhxh, units.Resolve("Phòng Văn hóa-Xã hội phường").Units);
        Assert.Equal("VHXH", Assert.Single(vhxh));
        Assert.Equal(vp, units.Resolve("Văn phòng HĐND&UBND").Units);
        Assert.Equal(units.Resolve("Ủy ban Mặt trận Tổ quốc Việt Nam phường").Units, units.Resolve("UBMTTQ VN phường").Units);
        Assert.True(units.Get(Assert.Single(vp)).PublishesDecisions);
    }

    [Fact]
    public void Propose_BundledDecision_PeopleArePlaceholdersAndTheSignerComesFromTheSignatureBlock()
    {
        var proposal = Propose();
        var units = UnitDirectory.FromJson(proposal.ToJson(), "units.json");

        Assert.All(units.People, p => Assert.True(Placeholders.IsPlaceholder(p), p.Email));
        Assert.All(units.People, p => Assert.EndsWith(".invalid", p.Email, StringComparison.Ordinal));
        Assert.All(units.People, p => Assert.Null(p.ObjectId));
        var signer = Assert.Single(units.People, p => p.Role == PersonRoles.Signer);
        Assert.Equal("Bùi Quang Ngân", signer.DisplayName);
        Assert.Equal("Phó Chủ tịch Ủy ban nhân dân phường", signer.Title);
        Assert.NotNull(units.Chairman);
        Assert.Equal("hai-an", proposal.WardId);
    }

    [Fact]
    public void Propose_BundledDecision_CodesAreUniqueAsciiFromTheInitials()
    {
        var codes = Propose().Units.Select(u => u.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(codes, c => Assert.Matches("^[A-Z0-9]+$", c));
        Assert.Contains("VHXH", codes);
        Assert.Contains("KTHTDT", codes);
        Assert.Contains("TTPVHCC", codes);
    }
}
