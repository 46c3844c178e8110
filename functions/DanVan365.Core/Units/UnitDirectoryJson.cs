using System.Text.Json;
using System.Text.Json.Serialization;
using DanVan365.Core.Defaults;
using DanVan365.Core.Errors;
using DanVan365.Core.Text;

namespace DanVan365.Core.Units;

/// <summary>
/// Loads a unit directory from JSON (format: see functions/DanVan365.Core/Defaults/HaiAn/units.json and the README):
/// <c>{"units":[{"code","name","aliases","kind","head":{"email","objectId","displayName","title"},"assignees":[…]}],
/// "groups":[{"phrase","aliases","units","note"}], "phraseRules":{…}, "people":[{"email","displayName","role","title"}]}</c>.
/// Kinds: office, public-service-unit, party-body, front, residential-group, external. Core parses text only: files are read at the edges
/// (DanVan365.M365.Composition.UnitDirectoryFiles).
/// </summary>
public sealed partial class UnitDirectory
{
    /// <summary>Path of the bundled Hải An directory inside <see cref="DefaultResources"/>.</summary>
    public const string DefaultResourcePath = "HaiAn/units.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The Hải An directory that ships with the project.</summary>
    public static UnitDirectory LoadDefault() => FromJson(DefaultResources.ReadText(DefaultResourcePath), "units.json (built-in)");

    /// <summary>Parses and validates a directory (codes unique, groups name known units, no name claimed by two entries).</summary>
    public static UnitDirectory FromJson(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        DirectoryFile? file;
        try
        {
            file = JsonSerializer.Deserialize<DirectoryFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(fileName, (int)(ex.LineNumber ?? 0) + 1, "not a valid unit directory: " + ex.Message, ex);
        }

        if (file?.Units is null || file.Units.Count == 0)
        {
            throw new InvalidInputException(fileName, 1, "unit directory has no \"units\"");
        }

        var units = new List<Unit>();
        var people = new List<Person>();
        foreach (var u in file.Units)
        {
            if (string.IsNullOrWhiteSpace(u.Code) || string.IsNullOrWhiteSpace(u.Name))
            {
                throw new InvalidInputException(fileName, LineOf(json, u.Code ?? u.Name ?? "{"),
                    "every unit needs a \"code\" and a \"name\"");
            }

            if (UnitCodes.Problem(u.Code) is { } codeProblem)
            {
                throw new InvalidInputException(fileName, LineOf(json, "\"code\"", file.Units.IndexOf(u) + 1),
                    codeProblem + $" (\"{u.Code}\")");
            }

            if (units.Any(x => x.Code == u.Code))
            {
                throw new InvalidInputException(fileName, LineOf(json, "\"" + u.Code + "\"", 2), $"unit code \"{u.Code}\" appears twice");
            }

            var kind = ParseKind(u.Kind) ?? throw new InvalidInputException(fileName, LineOf(json, "\"" + u.Kind + "\""),
                $"unit {u.Code}: unknown kind \"{u.Kind}\" (office, public-service-unit, party-body, front, residential-group, external)");
            var assignees = u.Assignees ?? [];
            if (u.PublishesDecisions && kind != UnitKind.Office)
            {
                throw new InvalidInputException(fileName, LineOf(json, "\"publishesDecisions\"", PublisherOccurrence(file, u)),
                    $"unit {u.Code}: only an office of the committee publishes its decisions (\"publishesDecisions\")");
            }

            if (u.PublishesDecisions && new[] { u.Head }.Concat(assignees).All(p => string.IsNullOrWhiteSpace(p?.ObjectId)))
            {
                throw new InvalidInputException(fileName, LineOf(json, "\"publishesDecisions\"", PublisherOccurrence(file, u)),
                    $"unit {u.Code} publishes decisions but none of its people has an \"objectId\" (publishers are known by it)");
            }

            units.Add(new Unit(u.Code, VietnameseText.Normalize(u.Name), (u.Aliases ?? []).Select(VietnameseText.Normalize).ToList(), kind,
                u.Head?.Email, assignees.Select(a => a.Email ?? string.Empty).Where(e => e.Length > 0).ToList())
            {
                PublishesDecisions = u.PublishesDecisions,
                Abbreviation = Abbreviation(u, json, fileName),
                KindToCheck = u.KindToCheck,
            });
            if (u.Head?.Email is { Length: > 0 } headEmail)
            {
                people.Add(new Person(headEmail, VietnameseText.Normalize(u.Head.DisplayName ?? headEmail), u.Code, PersonRoles.Head,
                    u.Head.Title, ObjectIdOf(u.Head, json, fileName)));
            }

            foreach (var a in assignees.Where(a => !string.IsNullOrEmpty(a.Email)))
            {
                people.Add(new Person(a.Email!, VietnameseText.Normalize(a.DisplayName ?? a.Email), u.Code, PersonRoles.Assignee, a.Title,
                    ObjectIdOf(a, json, fileName)));
            }
        }

        var groups = new List<UnitGroup>();
        foreach (var g in file.Groups ?? [])
        {
            if (string.IsNullOrWhiteSpace(g.Phrase) || g.Units is null || g.Units.Count == 0)
            {
                throw new InvalidInputException(fileName, LineOf(json, g.Phrase ?? "\"groups\""),
                    "every group needs a \"phrase\" and \"units\"");
            }

            foreach (var code in g.Units.Where(c => units.All(u => u.Code != c)))
            {
                throw new InvalidInputException(fileName, LineOf(json, g.Phrase),
                    $"group \"{g.Phrase}\" names unknown unit code \"{code}\"");
            }

            groups.Add(new UnitGroup(VietnameseText.Normalize(g.Phrase), (g.Aliases ?? []).Select(VietnameseText.Normalize).ToList(),
                g.Units, g.Note));
        }

        foreach (var p in file.People ?? [])
        {
            if (string.IsNullOrWhiteSpace(p.Email))
            {
                throw new InvalidInputException(fileName, LineOf(json, "\"people\""), "every person needs an \"email\"");
            }

            var objectId = ObjectIdOf(p, json, fileName);
            if (objectId is null && PersonRoles.Is(p.Role, PersonRoles.Publisher))
            {
                throw new InvalidInputException(fileName, LineOf(json, "\"" + p.Email + "\""),
                    $"person \"{p.Email}\" ({p.Role?.Trim()}) publishes decisions and needs an \"objectId\"");
            }

            people.Add(new Person(p.Email, VietnameseText.Normalize(p.DisplayName ?? p.Email), p.Unit, p.Role ?? PersonRoles.Member,
                p.Title, objectId));
        }

        // An object id belongs to one person (one address), whatever units they serve.
        foreach (var shared in people.Where(p => p.ObjectId is not null).GroupBy(p => p.ObjectId!, StringComparer.Ordinal)
                     .Where(g => g.Select(p => p.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1))
        {
            throw new InvalidInputException(fileName, LineOf(json, shared.Key, 2),
                $"objectId \"{shared.Key}\" is given to more than one person");
        }

        // A name may not point at two different things.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, owner) in units.SelectMany(u => u.Aliases.Prepend(u.Name).Select(n => (n, u.Code)))
                     .Concat(groups.SelectMany(g => g.Aliases.Prepend(g.Phrase).Select(n => (n, "group: " + g.Phrase)))))
        {
            var key = VietnameseText.MatchKey(name);
            if (seen.TryGetValue(key, out var other) && other != owner)
            {
                throw new InvalidInputException(fileName, LineOf(json, name), $"name \"{name}\" is claimed by both {other} and {owner}");
            }

            seen[key] = owner;
        }

        var rules = file.PhraseRules is null
            ? PhraseRules.Default
            : new PhraseRules(
                file.PhraseRules.RequestPrefixes ?? PhraseRules.Default.RequestPrefixes,
                file.PhraseRules.RoleSuffixes ?? PhraseRules.Default.RoleSuffixes,
                file.PhraseRules.QualifierSuffixes ?? PhraseRules.Default.QualifierSuffixes,
                file.PhraseRules.Conjunctions ?? PhraseRules.Default.Conjunctions)
            {
                FollowUpSuffixes = file.PhraseRules.FollowUpSuffixes ?? PhraseRules.DefaultFollowUpSuffixes,
            };
        var roleKeys = rules.RoleSuffixes.Select(VietnameseText.MatchKey).ToHashSet(StringComparer.Ordinal);
        if (rules.FollowUpSuffixes.FirstOrDefault(f => !roleKeys.Contains(VietnameseText.MatchKey(f))) is { } stray)
        {
            throw new InvalidInputException(fileName, LineOf(json, stray),
                $"follow-up suffix \"{stray}\" is not one of the role suffixes (phraseRules.roleSuffixes)");
        }

        return new UnitDirectory(units, groups, rules, people);
    }

    /// <summary>The person's Entra object id as lower-case GUID text, or null when not given; not a GUID throws.</summary>
    private static string? ObjectIdOf(PersonEntry person, string json, string fileName)
    {
        if (string.IsNullOrWhiteSpace(person.ObjectId))
        {
            return null;
        }

        if (Guid.TryParse(person.ObjectId, out var nil) && nil == Guid.Empty)
        {
            // the placeholder of a proposed directory (Units.Proposal.Placeholders): no object id yet
            return null;
        }

        return Guid.TryParse(person.ObjectId, out var id)
            ? id.ToString("D")
            : throw new InvalidInputException(fileName, LineOf(json, "\"" + person.ObjectId + "\""),
                $"objectId \"{person.ObjectId}\" is not an Entra object id (GUID)");
    }

    /// <summary>Which "publishesDecisions" of the file is <paramref name="unit"/>'s (for its line).</summary>
    private static int PublisherOccurrence(DirectoryFile file, UnitEntry unit) =>
        file.Units!.TakeWhile(u => !ReferenceEquals(u, unit)).Count(u => u.PublishesDecisions) + 1;

    private static string? Abbreviation(UnitEntry u, string json, string fileName)
    {
        if (u.Abbreviation is null)
        {
            return null;
        }

        var value = VietnameseText.Normalize(u.Abbreviation);
        if (value.Length is 0 or > 20 || value.Contains('/', StringComparison.Ordinal) || value.Contains(';', StringComparison.Ordinal))
        {
            throw new InvalidInputException(fileName, LineOf(json, "\"abbreviation\""),
                $"unit {u.Code}: \"abbreviation\" must be 1 to 20 characters without \"/\" or \";\"");
        }

        return value;
    }

    private static UnitKind? ParseKind(string? kind) => kind?.Trim().ToUpperInvariant() switch
    {
        "OFFICE" => UnitKind.Office,
        "PUBLIC-SERVICE-UNIT" => UnitKind.PublicServiceUnit,
        "PARTY-BODY" => UnitKind.PartyBody,
        "FRONT" or "FRONT-OR-MASS-ORGANISATION" => UnitKind.FrontOrMassOrganisation,
        "RESIDENTIAL-GROUP" => UnitKind.ResidentialGroup,
        "EXTERNAL" => UnitKind.External,
        _ => null,
    };

    /// <summary>The JSON name of a kind (the inverse of the file's "kind").</summary>
    public static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.Office => "office",
        UnitKind.PublicServiceUnit => "public-service-unit",
        UnitKind.PartyBody => "party-body",
        UnitKind.FrontOrMassOrganisation => "front",
        UnitKind.ResidentialGroup => "residential-group",
        _ => "external",
    };

    /// <summary>
    /// The 1-based line of the <paramref name="occurrence"/>-th <paramref name="needle"/> in <paramref name="text"/> (1 when
    /// absent); the scoring model's loader (<see cref="Scoring.ScoringModelJson"/>) reports its lines the same way.
    /// </summary>
    internal static int LineOf(string text, string needle, int occurrence = 1)
    {
        var index = -1;
        for (var k = 0; k < occurrence; k++)
        {
            var next = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            if (next < 0)
            {
                break;
            }

            index = next;
        }

        return index < 0 ? 1 : text.AsSpan(0, index).Count('\n') + 1;
    }

    private sealed class DirectoryFile
    {
        public List<UnitEntry>? Units { get; set; }

        public List<GroupEntry>? Groups { get; set; }

        public List<PersonEntry>? People { get; set; }

        public RulesEntry? PhraseRules { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    private sealed class UnitEntry
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public List<string>? Aliases { get; set; }

        public string? Kind { get; set; }

        /// <summary>True for the office that issues the ward's decisions: its people publish to "Quyết định".</summary>
        public bool PublishesDecisions { get; set; }

        /// <summary>True while the kind is a guess of `danvan365 init` that a person must confirm (doctor reports it).</summary>
        public bool KindToCheck { get; set; }

        /// <summary>The abbreviation in document numbers ("Số: …/BC-VHXH"); absent: the code.</summary>
        public string? Abbreviation { get; set; }

        public PersonEntry? Head { get; set; }

        public List<PersonEntry>? Assignees { get; set; }
    }

    private sealed class GroupEntry
    {
        public string? Phrase { get; set; }

        public List<string>? Aliases { get; set; }

        public List<string>? Units { get; set; }

        public string? Note { get; set; }
    }

    private sealed class PersonEntry
    {
        public string? Email { get; set; }

        public string? ObjectId { get; set; }

        public string? DisplayName { get; set; }

        public string? Title { get; set; }

        public string? Role { get; set; }

        public string? Unit { get; set; }
    }

    private sealed class RulesEntry
    {
        public List<string>? RequestPrefixes { get; set; }

        public List<string>? RoleSuffixes { get; set; }

        public List<string>? FollowUpSuffixes { get; set; }

        public List<string>? QualifierSuffixes { get; set; }

        public List<string>? Conjunctions { get; set; }
    }
}
