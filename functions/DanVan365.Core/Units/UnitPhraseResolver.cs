using DanVan365.Core.Text;

namespace DanVan365.Core.Units;

/// <summary>
/// Phrase resolution. The rule, applied to every lead and coordinating cell:
/// <list type="number">
/// <item>The cell is split at ";" into clauses (a cell listing several bodies separates them with ";").</item>
/// <item>In each clause a leading request prefix ("đề nghị …") is noted and dropped; trailing role suffixes
/// ("… tổng hợp, theo dõi chung", "… phối hợp thực hiện") are dropped, repeatedly; the clause keeps the roles it dropped
/// (<see cref="ResolvedClause.Roles"/>, <see cref="ResolvedClause.FollowsUp"/>).</item>
/// <item>What remains must be a sequence of known names — unit names, unit aliases, group phrases — separated by
/// a conjunction ("và") or ","; each name may carry a qualifier suffix ("… có liên quan"), which keeps the whole
/// group: the directory cannot know which members are concerned, so each member's head decides.
/// Longest names win, so a group phrase containing "và" is matched whole before the conjunction is considered.</item>
/// <item>Matching compares <see cref="VietnameseText.MatchKey"/> keys: case, spacing around "-", old/new tone placement
/// and trailing punctuation do not matter. The text stored is always the cell as written.</item>
/// </list>
/// A clause that does not resolve is reported with the closest known name.
/// <para>Immutable once built (every table is computed in the constructor), so one resolver is safe to share between
/// concurrent jobs.</para>
/// </summary>
public sealed class UnitPhraseResolver
{
    private readonly List<(string Key, string Name, IReadOnlyList<string> Units)> _names;
    private readonly List<(string[] Words, IReadOnlyList<string> Units)> _nameWords;
    private readonly HashSet<string> _conjunctions;
    private readonly List<string[]> _qualifiers;
    private readonly string[] _requestPrefixes;
    private readonly List<string> _roleSuffixes;
    private readonly Dictionary<string, string> _roleTexts;
    private readonly PhraseRules _rules;

    /// <summary>Builds the resolver of a directory's units, group phrases and cell grammar.</summary>
    public UnitPhraseResolver(IReadOnlyList<Unit> units, IReadOnlyList<UnitGroup> groups, PhraseRules rules)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(rules);
        _names = Names(units, groups);
        _nameWords = _names.Select(x => (x.Key.Split(' '), x.Units)).ToList();
        _conjunctions = rules.Conjunctions.Select(VietnameseText.MatchKey).ToHashSet(StringComparer.Ordinal);
        _qualifiers = rules.QualifierSuffixes.Select(q => VietnameseText.MatchKey(q).Split(' ')).ToList();
        _requestPrefixes = [.. rules.RequestPrefixes.Select(VietnameseText.MatchKey)];
        _roleSuffixes = SuffixKeys(rules.RoleSuffixes);
        _roleTexts = rules.RoleSuffixes.GroupBy(VietnameseText.MatchKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => VietnameseText.Nfc(g.First()), StringComparer.Ordinal);
        _rules = rules;
    }

    /// <summary>Every name the resolver knows (unit names, unit aliases, group phrases and their aliases) with its units.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Units)> KnownNames() =>
        _names.Select(n => (n.Name, n.Units)).ToList();

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
            foreach (var prefix in _requestPrefixes)
            {
                if (key.StartsWith(prefix + " ", StringComparison.Ordinal))
                {
                    key = key[(prefix.Length + 1)..];
                    isRequest = true;
                    break;
                }
            }

            var (clauseUnits, roles) = ResolveKey(key);
            if (clauseUnits is null)
            {
                var hint = withHint ? Closest(StripSuffixes(key, _roleSuffixes, out _)) : null;
                return new PhraseResolution([], clauses, clause, hint);
            }

            clauses.Add(new ResolvedClause(clause, clauseUnits, isRequest)
            {
                Roles = roles,
                FollowsUp = roles.Any(_rules.IsFollowUp),
            });
            foreach (var u in clauseUnits.Where(u => !units.Contains(u)))
            {
                units.Add(u);
            }
        }

        return new PhraseResolution(units, clauses, null, null);
    }

    private (List<string>? Units, List<string> Roles) ResolveKey(string key)
    {
        // Try the clause as is, then with role suffixes removed one at a time (longest first); each candidate knows the
        // roles removed to reach it (outermost first).
        var candidates = new List<(string Key, List<string> Roles)> { (key, []) };
        var current = key;
        var roles = new List<string>();
        while (true)
        {
            var stripped = StripSuffixes(current, _roleSuffixes, out var changed, once: true);
            if (!changed || stripped.Length == 0)
            {
                break;
            }

            var removed = current[stripped.Length..].Trim(',', ' ');
            roles.Add(_roleTexts.GetValueOrDefault(removed) ?? removed);
            candidates.Add((stripped, [.. roles]));
            current = stripped;
        }

        foreach (var (candidate, candidateRoles) in candidates)
        {
            var result = Segment(candidate);
            if (result is not null)
            {
                return (result, candidateRoles);
            }
        }

        return (null, []);
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

        var (names, conjunctions, qualifiers) = (_nameWords, _conjunctions, _qualifiers);
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

    private static string StripSuffixes(string key, List<string> keys, out bool changed, bool once = false)
    {
        changed = false;
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

    private static List<string> SuffixKeys(IReadOnlyList<string> suffixes) =>
        suffixes.Select(VietnameseText.MatchKey).OrderByDescending(k => k.Length).ToList();

    /// <summary>The known name closest to a phrase and its edit distance (on match keys).</summary>
    public (string Name, int Distance) ClosestName(string phrase)
    {
        var key = VietnameseText.MatchKey(phrase);
        var best = (Name: string.Empty, Distance: int.MaxValue);
        foreach (var (nameKey, name, _) in _names)
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
        foreach (var (nameKey, name, _) in _names)
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

    private static List<(string Key, string Name, IReadOnlyList<string> Units)> Names(
        IReadOnlyList<Unit> units, IReadOnlyList<UnitGroup> groups)
    {
        var names = new List<(string Key, string Name, IReadOnlyList<string> Units)>();
        foreach (var unit in units)
        {
            foreach (var name in unit.Aliases.Prepend(unit.Name).Prepend(unit.Code))
            {
                names.Add((VietnameseText.MatchKey(name), name, [unit.Code]));
            }
        }

        foreach (var group in groups)
        {
            foreach (var name in group.Aliases.Prepend(group.Phrase))
            {
                names.Add((VietnameseText.MatchKey(name), name, group.Units));
            }
        }

        return names.Where(n => n.Key.Length > 0)
            .GroupBy(n => n.Key, StringComparer.Ordinal).Select(g => g.First())
            .OrderByDescending(n => n.Key.Length).ToList();
    }
}
