using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DanVan365.Core.Units.Proposal;

/// <summary>A person of a proposed directory; placeholders until the ward fills them in (<see cref="Placeholders"/>).</summary>
public sealed record ProposedPerson(string Email, string DisplayName, string Title, string? ObjectId, string? Role = null);

/// <summary>A unit proposed from the decision's phrases.</summary>
/// <param name="KindSure">False when no rule of the name decided the kind: a person must check it ("kindToCheck").</param>
public sealed record ProposedUnit(
    string Code,
    string Name,
    IReadOnlyList<string> Aliases,
    UnitKind Kind,
    bool KindSure,
    bool PublishesDecisions,
    ProposedPerson? Head,
    IReadOnlyList<ProposedPerson> Assignees);

/// <summary>A group phrase proposed from the decision, with the units of the kinds it stands for.</summary>
public sealed record ProposedGroup(string Phrase, IReadOnlyList<string> Aliases, IReadOnlyList<UnitKind> MemberKinds,
    IReadOnlyList<string> Units);

/// <summary>What `danvan365 init` proposes: a unit directory in the schema of the bundled units.json.</summary>
/// <param name="Unread">Phrases that did not read as names of bodies (the ward writes them into the directory by hand).</param>
/// <param name="EmptyGroups">Group phrases for which the decision names no unit of their kinds.</param>
public sealed record DirectoryProposal(
    string WardName,
    string WardId,
    string Issuer,
    IReadOnlyList<ProposedUnit> Units,
    IReadOnlyList<ProposedGroup> Groups,
    IReadOnlyList<ProposedPerson> People,
    IReadOnlyList<string> Unread,
    IReadOnlyList<string> EmptyGroups)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Aliases over all units and groups.</summary>
    public int AliasCount => Units.Sum(u => u.Aliases.Count) + Groups.Sum(g => g.Aliases.Count);

    /// <summary>The directory file's text (loadable by <see cref="UnitDirectory.FromJson"/>).</summary>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["ward"] = new JsonObject
            {
                ["name"] = WardName,
                ["issuer"] = Issuer,
                ["note"] = "Proposed by `danvan365 init` from the decision. People are placeholders (addresses under .invalid, no " +
                    "objectId): fill in each person's e-mail address and Entra objectId, check every kind (\"kindToCheck\"), then run " +
                    "`danvan365 doctor`.",
            },
            ["units"] = new JsonArray([.. Units.Select(UnitJson)]),
            ["groups"] = new JsonArray([.. Groups.Select(g => (JsonNode)new JsonObject
            {
                ["phrase"] = g.Phrase,
                ["aliases"] = Strings(g.Aliases),
                ["units"] = Strings(g.Units),
                ["note"] = "Members: every unit of kind " + string.Join(", ", g.MemberKinds.Select(UnitDirectory.KindName)) + ".",
            })]),
            ["phraseRules"] = RulesJson(PhraseRules.Default),
            ["people"] = new JsonArray([.. People.Select(p => (JsonNode)PersonJson(p, withRole: true))]),
        };
        return root.ToJsonString(Options) + "\n";
    }

    private static JsonNode UnitJson(ProposedUnit u)
    {
        var json = new JsonObject
        {
            ["code"] = u.Code,
            ["name"] = u.Name,
            ["aliases"] = Strings(u.Aliases),
            ["kind"] = UnitDirectory.KindName(u.Kind),
        };
        if (!u.KindSure)
        {
            json["kindToCheck"] = true;
        }

        if (u.PublishesDecisions)
        {
            json["publishesDecisions"] = true;
        }

        if (u.Head is { } head)
        {
            json["head"] = PersonJson(head, withRole: false);
        }

        json["assignees"] = new JsonArray([.. u.Assignees.Select(a => (JsonNode)PersonJson(a, withRole: false))]);
        return json;
    }

    private static JsonObject PersonJson(ProposedPerson p, bool withRole)
    {
        var json = new JsonObject { ["email"] = p.Email };
        if (p.ObjectId is not null)
        {
            json["objectId"] = p.ObjectId;
        }

        json["displayName"] = p.DisplayName;
        if (withRole && p.Role is not null)
        {
            json["role"] = p.Role;
        }

        json["title"] = p.Title;
        return json;
    }

    private static JsonObject RulesJson(PhraseRules rules) => new()
    {
        ["requestPrefixes"] = Strings(rules.RequestPrefixes),
        ["roleSuffixes"] = Strings(rules.RoleSuffixes),
        ["followUpSuffixes"] = Strings(rules.FollowUpSuffixes),
        ["qualifierSuffixes"] = Strings(rules.QualifierSuffixes),
        ["conjunctions"] = Strings(rules.Conjunctions),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}

/// <summary>
/// The reserved, obviously fake form of people a proposal leaves to fill: addresses under the ".invalid" top-level domain
/// (RFC 2606: never delivered) and no object id; the office that publishes decisions carries the nil GUID so its flag
/// loads (the directory reads it as no object id: nobody may publish until it is filled in).
/// </summary>
public static class Placeholders
{
    /// <summary>The top-level domain of placeholder addresses.</summary>
    public const string Domain = ".invalid";

    /// <summary>The object id a placeholder publisher carries (read as none).</summary>
    public const string NilObjectId = "00000000-0000-0000-0000-000000000000";

    /// <summary>A placeholder address of the ward ("vhxh.truong@hai-an.invalid").</summary>
    public static string Email(string localPart, string wardId) => $"{localPart}@{wardId}{Domain}";

    /// <summary>True when the person is still a placeholder: an address under .invalid or no object id.</summary>
    public static bool IsPlaceholder(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Email.EndsWith(Domain, StringComparison.OrdinalIgnoreCase) || person.ObjectId is null;
    }
}
