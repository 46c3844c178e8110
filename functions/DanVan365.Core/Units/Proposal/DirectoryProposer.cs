using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;

namespace DanVan365.Core.Units.Proposal;

/// <summary>
/// Proposes a ward's unit directory from its decision read without one (docs/architecture.md "A new ward: init"):
/// every name in a lead or coordinating cell and the aggregating phrase (<see cref="UnitPhraseShape"/>) becomes a unit,
/// an alias of a unit (the same body written another way: <see cref="UnitNameRules.BodyKey"/>) or a group phrase whose
/// members are the units of its kinds ("Các phòng, đơn vị …" → offices; "… đơn vị sự nghiệp công lập …" → public service
/// units). "Nơi nhận" entries only add aliases. Kinds and codes come from the names; the committee's officers from the
/// signature block; people are placeholders (<see cref="Placeholders"/>). Pure: the caller reads and writes files.
/// </summary>
public static class DirectoryProposer
{
    public static DirectoryProposal Propose(RawCatalogue raw, string wardName)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentException.ThrowIfNullOrWhiteSpace(wardName);
        wardName = VietnameseText.Normalize(wardName);
        var rules = PhraseRules.Default;
        var wardWord = UnitNameRules.WardWord(wardName);
        var wardId = UnitNameRules.WardSlug(wardName);
        var bodies = new List<(string Key, List<string> Spellings)>();
        var groups = new List<(string Key, List<UnitKind> Kinds, List<string> Spellings)>();
        var unread = new List<string>();

        var phrases = raw.Entries.SelectMany(e => new[] { e.LeadText, e.CoordinatingText })
            .Append(raw.Decision.AggregatingPhrase ?? string.Empty).Where(p => p.Trim().Length > 0);
        foreach (var phrase in phrases)
        {
            if (UnitPhraseShape.Split(phrase, rules) is not { } clauses)
            {
                if (!unread.Contains(phrase, StringComparer.Ordinal))
                {
                    unread.Add(phrase);
                }

                continue;
            }

            foreach (var name in clauses.SelectMany(c => c.Names))
            {
                Add(name, addNew: true);
            }
        }

        foreach (var recipient in raw.Decision.Recipients)
        {
            foreach (var name in UnitPhraseShape.Split(recipient, rules)?.SelectMany(c => c.Names) ?? [])
            {
                Add(name, addNew: false);
            }
        }

        var units = BuildUnits(bodies.Select(b => b.Spellings).ToList(), wardWord, wardId);
        var taken = units.SelectMany(u => u.Aliases.Prepend(u.Name)).Select(VietnameseText.MatchKey).ToHashSet(StringComparer.Ordinal);
        var proposedGroups = new List<ProposedGroup>();
        var emptyGroups = new List<string>();
        foreach (var (_, kinds, spellings) in groups)
        {
            var members = units.Where(u => kinds.Contains(u.Kind)).Select(u => u.Code).ToList();
            var names = spellings.Where(s => taken.Add(VietnameseText.MatchKey(s))).ToList();
            if (members.Count == 0 || names.Count == 0)
            {
                emptyGroups.AddRange(spellings.Take(1));
                continue;
            }

            proposedGroups.Add(new ProposedGroup(names[0], names.Skip(1).ToList(), kinds, members));
        }

        var issuer = $"Ủy ban nhân dân {wardWord} {WardProper(wardName, wardWord)}".Trim();
        return new DirectoryProposal(wardName, wardId, issuer, units, proposedGroups, Officers(raw.Decision, wardWord, wardId), unread,
            emptyGroups);

        void Add(string name, bool addNew)
        {
            if (UnitNameRules.GroupKinds(name, wardWord) is { } kinds)
            {
                var groupKey = string.Join('+', kinds);
                var g = groups.FindIndex(x => x.Key == groupKey);
                if (g < 0 && addNew)
                {
                    groups.Add((groupKey, [.. kinds], [name]));
                }
                else if (g >= 0)
                {
                    AddSpelling(groups[g].Spellings, name);
                }

                return;
            }

            var key = UnitNameRules.BodyKey(name, wardWord);
            var b = bodies.FindIndex(x => x.Key == key);
            if (b < 0 && addNew)
            {
                bodies.Add((key, [name]));
            }
            else if (b >= 0)
            {
                AddSpelling(bodies[b].Spellings, name);
            }
        }
    }

    private static void AddSpelling(List<string> spellings, string name)
    {
        var key = VietnameseText.MatchKey(name);
        if (!spellings.Any(s => VietnameseText.MatchKey(s) == key))
        {
            spellings.Add(name);
        }
    }

    private static List<ProposedUnit> BuildUnits(List<List<string>> bodies, string wardWord, string wardId)
    {
        var units = new List<ProposedUnit>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spellings in bodies)
        {
            var name = spellings[0];
            var (kind, sure) = UnitNameRules.GuessKind(name, wardWord);
            var baseCode = UnitNameRules.CodeOf(name);
            var code = baseCode;
            for (var n = 2; !codes.Add(code); n++)
            {
                code = baseCode + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(VietnameseText.MatchKey(name));
            var aliases = Variants(spellings, wardWord).Where(a => taken.Add(VietnameseText.MatchKey(a))).ToList();
            var publishes = kind == UnitKind.Office && !units.Any(u => u.PublishesDecisions)
                && UnitNameRules.BodyKey(name, wardWord).StartsWith("văn phòng", StringComparison.Ordinal);
            var (headTitle, assigneeTitle) = Titles(name, kind);
            var local = code.ToLowerInvariant();
            var head = headTitle is null ? null : new ProposedPerson(Placeholders.Email(local + ".truong", wardId),
                $"Cần điền: {headTitle} ({code})", headTitle, publishes ? Placeholders.NilObjectId : null);
            IReadOnlyList<ProposedPerson> assignees = assigneeTitle is null ? [] :
                [new ProposedPerson(Placeholders.Email(local + ".canbo1", wardId), $"Cần điền: {assigneeTitle} ({code})", assigneeTitle,
                    null)];
            units.Add(new ProposedUnit(code, name, aliases, kind, sure, publishes, head, assignees));
        }

        // offices first, then public service units, … (the kinds' order); within a kind, as the decision first names them
        return [.. units.Select((u, i) => (u, i)).OrderBy(x => x.u.Kind).ThenBy(x => x.i).Select(x => x.u)];
    }

    // The other spellings found, then the ward suffix added or removed and "&" written as "và".
    private static IEnumerable<string> Variants(List<string> spellings, string wardWord)
    {
        foreach (var s in spellings.Skip(1))
        {
            yield return s;
        }

        foreach (var s in spellings)
        {
            var key = VietnameseText.MatchKey(s);
            var withWord = key.EndsWith(" " + wardWord, StringComparison.Ordinal) ? s
                : key.StartsWith("các ", StringComparison.Ordinal) && !key.EndsWith("trên địa bàn", StringComparison.Ordinal)
                    ? $"{s} trên địa bàn {wardWord}" : $"{s} {wardWord}";
            yield return withWord;
            if (s.Contains('&', StringComparison.Ordinal))
            {
                yield return withWord.Replace("&", " và ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal);
            }
        }
    }

    private static (string? Head, string? Assignee) Titles(string name, UnitKind kind)
    {
        var key = VietnameseText.MatchKey(name);
        bool Starts(string s) => key.StartsWith(s, StringComparison.Ordinal);
        return kind switch
        {
            UnitKind.Office => (Starts("văn phòng") ? "Chánh Văn phòng" : Starts("trung tâm") ? "Giám đốc" : "Trưởng phòng", "Chuyên viên"),
            UnitKind.PublicServiceUnit => (Starts("trung tâm") ? "Giám đốc" : Starts("ban") ? "Trưởng ban" : "Thủ trưởng đơn vị",
                "Viên chức"),
            UnitKind.PartyBody => (Starts("đảng ủy") ? "Bí thư" : Starts("ban") ? "Trưởng ban" : "Người đứng đầu", "Chuyên viên"),
            UnitKind.FrontOrMassOrganisation => ("Chủ tịch", "Cán bộ"),
            UnitKind.ResidentialGroup => ("Tổ trưởng tổ dân phố (đại diện)", null),
            _ => (null, null),
        };
    }

    // The signer (named in the signature block) and the chairman (the signer when they sign as chairman).
    private static List<ProposedPerson> Officers(RawDecision decision, string wardWord, string wardId)
    {
        var capacity = decision.SignerCapacity.Select(VietnameseText.MatchKey).ToList();
        var deputy = capacity.Any(c => c.Contains("phó chủ tịch", StringComparison.Ordinal));
        var committee = $"Ủy ban nhân dân {wardWord}";
        var signerTitle = (deputy ? "Phó Chủ tịch " : "Chủ tịch ") + committee;
        var people = new List<ProposedPerson>();
        var signerEmail = Placeholders.Email("nguoiky", wardId);
        if (deputy || decision.Signer.Length == 0)
        {
            people.Add(new ProposedPerson(Placeholders.Email("chutich", wardId), "Cần điền: Chủ tịch " + committee, "Chủ tịch " + committee,
                null, PersonRoles.Chairman));
        }
        else
        {
            people.Add(new ProposedPerson(signerEmail, decision.Signer, signerTitle, null, PersonRoles.Chairman));
        }

        if (decision.Signer.Length > 0)
        {
            people.Add(new ProposedPerson(signerEmail, decision.Signer, signerTitle, null, PersonRoles.Signer));
        }

        return people;
    }

    private static string WardProper(string wardName, string wardWord)
    {
        var words = wardName.Split(' ');
        var skip = wardWord.Split(' ').Length;
        return VietnameseText.MatchKey(string.Join(' ', words.Take(skip))) == wardWord ? string.Join(' ', words.Skip(skip)) : wardName;
    }
}
