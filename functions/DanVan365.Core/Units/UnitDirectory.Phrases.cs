using DanVan365.Core.Text;

namespace DanVan365.Core.Units;

/// <summary>
/// Phrase resolution. The rule, applied to every lead and coordinating cell:
/// <list type="number">
/// <item>The cell is split at ";" into clauses (a cell listing several bodies separates them with ";").</item>
/// <item>In each clause a leading request prefix ("đề nghị …") is noted and dropped; trailing role suffixes
/// ("… tổng hợp, theo dõi chung", "… phối hợp thực hiện") are dropped, repeatedly.</item>
/// <item>What remains must be a sequence of known names — unit names, unit aliases, group phrases — separated by
/// a conjunction ("và") or ","; each name may carry a qualifier suffix ("… có liên quan"), which keeps the whole
/// group: the directory cannot know which members are concerned, so each member's head decides.
/// Longest names win, so a group phrase containing "và" is matched whole before the conjunction is considered.</item>
/// <item>Matching compares <see cref="VietnameseText.MatchKey"/> keys: case, spacing around "-", old/new tone placement
/// and trailing punctuation do not matter. The text stored is always the cell as written.</item>
/// </list>
/// A clause that does not resolve is reported with the closest known name.
/// </summary>
public sealed partial class UnitDirectory
{
    private List<(string Key, string Name, IReadOnlyList<string> Units)>? _names;
    private (List<(string[] Words, IReadOnlyList<string> Units)> Names, HashSet<string> Conjunctions, List<string[]> Qualifiers)? _compiled;

    /// <summary>Group phrases (in file order).</summary>
    public IReadOnlyList<UnitGroup> Groups { get; private set; } = [];

    /// <summary>People (heads, assignees, the signer).</summary>
    public IReadOnlyList<Person> People { get; private set; } = [];

    /// <summary>The cell grammar.</summary>
    public PhraseRules Rules { get; private set; } = PhraseRules.Default;

    /// <summary>Creates a directory with group phrases, phrase rules and people.</summary>
    public UnitDirectory(IReadOnlyList<Unit> units, IReadOnlyList<UnitGroup> groups, PhraseRules rules, IReadOnlyList<Person> people)
        : this(units)
    {
        Groups = groups;
        Rules = rules;
        People = people;
    }

    /// <summary>The person with this e-mail address, or null.</summary>
    public Person? FindPerson(string email) =>
        People.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every name the resolver knows (unit names, unit aliases, group phrases and their aliases) with its units.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Units)> KnownNames() =>
        Names().Select(n => (n.Name, n.Units)).ToList();

    /// <summary>Resolves a lead or coordinating cell to unit codes (see the class remarks for the rule).</summary>
    public PhraseResolution Resolve(string cell) => ResolveCore(cell, withHint: true);

    /// <summary>True when the cell resolves completely (no hint computed: cheap enough to try many candidate cells).</summary>
    public bool CanResolve(string cell) => ResolveCore(cell, withHint: false).IsResolved;

    private PhraseResolution ResolveCore(string cell, bool withHint)
    {
        var text = VietnameseText.Normalize(cell);
        var units = new List<string>();
        var clauses = new List<ResolvedClause>();
        foreach (var rawClause in text.Split(';'))
        {
            var clause = rawClause.Trim().TrimEnd(',', '.', ':', ' ');
            if (clause.Length == 0)
            {
                continue;
            }

            var key = VietnameseText.MatchKey(clause);
            var isRequest = false;
            foreach (var prefix in Rules.RequestPrefixes.Select(VietnameseText.MatchKey))
            {
                if (key.StartsWith(prefix + " ", StringComparison.Ordinal))
                {
                    key = key[(prefix.Length + 1)..];
                    isRequest = true;
                    break;
                }
            }

            var clauseUnits = ResolveKey(key);
            if (clauseUnits is null)
            {
                var hint = withHint ? Closest(StripSuffixes(key, Rules.RoleSuffixes, out _)) : null;
                return new PhraseResolution([], clauses, clause, hint);
            }

            clauses.Add(new ResolvedClause(clause, clauseUnits, isRequest));
            foreach (var u in clauseUnits.Where(u => !units.Contains(u)))
            {
                units.Add(u);
            }
        }

        return new PhraseResolution(units, clauses, null, null);
    }

    private List<string>? ResolveKey(string key)
    {
        // Try the clause as is, then with role suffixes removed one at a time (longest first).
        var candidates = new List<string> { key };
        var current = key;
        while (true)
        {
            var stripped = StripSuffixes(current, Rules.RoleSuffixes, out var changed, once: true);
            if (!changed || stripped.Length == 0)
            {
                break;
            }

            candidates.Add(stripped);
            current = stripped;
        }

        foreach (var candidate in candidates)
        {
            var result = Segment(candidate);
            if (result is not null)
            {
                return result;
            }
        }

        return null;
    }

    // Splits a key into known names separated by conjunctions or commas (forward dynamic programming over word
    // positions; the fewest names win, so the longest names are preferred).
    private List<string>? Segment(string key)
    {
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var n = words.Length;
        if (n == 0)
        {
            return null;
        }

        var (names, conjunctions, qualifiers) = Compiled();
        var best = new List<string>?[n + 1];
        var count = new int[n + 1];
        Array.Fill(count, int.MaxValue);
        count[0] = 0;
        best[0] = [];
        for (var i = 0; i < n; i++)
        {
            if (best[i] is null)
            {
                continue;
            }

            foreach (var (nameWords, nameUnits) in names)
            {
                if (!MatchesAt(words, i, nameWords, out var end))
                {
                    continue;
                }

                Advance(end);
                foreach (var q in qualifiers)
                {
                    if (MatchesAt(words, end, q, out var qEnd))
                    {
                        Advance(qEnd);
                    }
                }

                void Advance(int e)
                {
                    int next;
                    if (e == n)
                    {
                        next = n;
                    }
                    else if (conjunctions.Contains(words[e]) && e + 1 < n)
                    {
                        next = e + 1;
                    }
                    else if (words[e - 1].EndsWith(','))
                    {
                        next = e;
                    }
                    else
                    {
                        return;
                    }

                    if (count[i] + 1 < count[next])
                    {
                        count[next] = count[i] + 1;
                        best[next] = [.. best[i]!, .. nameUnits];
                    }
                }
            }
        }

        return best[n]?.Distinct(StringComparer.Ordinal).ToList();
    }

    private (List<(string[] Words, IReadOnlyList<string> Units)> Names, HashSet<string> Conjunctions, List<string[]> Qualifiers) Compiled()
    {
        if (_compiled is { } c)
        {
            return c;
        }

        _compiled = (
            Names().Select(x => (x.Key.Split(' '), x.Units)).ToList(),
            Rules.Conjunctions.Select(VietnameseText.MatchKey).ToHashSet(StringComparer.Ordinal),
            Rules.QualifierSuffixes.Select(q => VietnameseText.MatchKey(q).Split(' ')).ToList());
        return _compiled.Value;
    }

    private static bool MatchesAt(string[] words, int start, string[] nameWords, out int end)
    {
        end = start + nameWords.Length;
        if (end > words.Length)
        {
            return false;
        }

        for (var k = 0; k < nameWords.Length; k++)
        {
            var w = words[start + k];
            if (k == nameWords.Length - 1)
            {
                w = w.TrimEnd(',');
            }

            if (!string.Equals(w, nameWords[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string StripSuffixes(string key, IReadOnlyList<string> suffixes, out bool changed, bool once = false)
    {
        changed = false;
        var keys = SuffixKeys(suffixes);
        var again = true;
        while (again)
        {
            again = false;
            foreach (var s in keys)
            {
                if (key.EndsWith(" " + s, StringComparison.Ordinal))
                {
                    key = key[..^(s.Length + 1)].TrimEnd(',', ' ');
                    changed = true;
                    again = !once;
                    break;
                }
            }
        }

        return key;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<string>, List<string>> SuffixKeyCache = new();

    private static List<string> SuffixKeys(IReadOnlyList<string> suffixes) =>
        SuffixKeyCache.GetValue(suffixes, s => s.Select(VietnameseText.MatchKey).OrderByDescending(k => k.Length).ToList());

    /// <summary>The known name closest to a phrase and its edit distance (on match keys).</summary>
    public (string Name, int Distance) ClosestName(string phrase)
    {
        var key = VietnameseText.MatchKey(phrase);
        var best = (Name: string.Empty, Distance: int.MaxValue);
        foreach (var (nameKey, name, _) in Names())
        {
            var d = VietnameseText.EditDistance(key, nameKey);
            if (d < best.Distance)
            {
                best = (name, d);
            }
        }

        return best;
    }

    private string? Closest(string key)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (nameKey, name, _) in Names())
        {
            var d = VietnameseText.EditDistance(key, nameKey);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = name;
            }
        }

        return best;
    }

    private List<(string Key, string Name, IReadOnlyList<string> Units)> Names()
    {
        if (_names is not null)
        {
            return _names;
        }

        var names = new List<(string Key, string Name, IReadOnlyList<string> Units)>();
        foreach (var unit in Units)
        {
            foreach (var name in unit.Aliases.Prepend(unit.Name).Prepend(unit.Code))
            {
                names.Add((VietnameseText.MatchKey(name), name, [unit.Code]));
            }
        }

        foreach (var group in Groups)
        {
            foreach (var name in group.Aliases.Prepend(group.Phrase))
            {
                names.Add((VietnameseText.MatchKey(name), name, group.Units));
            }
        }

        _names = names.Where(n => n.Key.Length > 0)
            .GroupBy(n => n.Key, StringComparer.Ordinal).Select(g => g.First())
            .OrderByDescending(n => n.Key.Length).ToList();
        return _names;
    }
}
