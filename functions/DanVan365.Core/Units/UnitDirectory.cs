namespace DanVan365.Core.Units;

/// <summary>
/// The ward's unit directory: units by code, group phrases, people and the cell grammar (loading is in
/// UnitDirectoryJson). Reading a lead or coordinating cell is the job of <see cref="Phrases"/>, built on first use
/// (thread-safe: a directory is shared by concurrent jobs).
/// </summary>
public sealed partial class UnitDirectory
{
    private readonly Dictionary<string, Unit> _byCode;
    private readonly Lazy<UnitPhraseResolver> _phrases;

    public UnitDirectory(IReadOnlyList<Unit> units)
        : this(units, [], PhraseRules.Default, [])
    {
    }

    /// <summary>Creates a directory with group phrases, phrase rules and people.</summary>
    public UnitDirectory(IReadOnlyList<Unit> units, IReadOnlyList<UnitGroup> groups, PhraseRules rules, IReadOnlyList<Person> people)
    {
        ArgumentNullException.ThrowIfNull(units);
        Units = units;
        Groups = groups ?? throw new ArgumentNullException(nameof(groups));
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        People = people ?? throw new ArgumentNullException(nameof(people));
        _byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _phrases = new Lazy<UnitPhraseResolver>(
            () => new UnitPhraseResolver(Units, Groups, Rules), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>All units, in directory order.</summary>
    public IReadOnlyList<Unit> Units { get; }

    /// <summary>Group phrases (in file order).</summary>
    public IReadOnlyList<UnitGroup> Groups { get; }

    /// <summary>People (heads, assignees, the signer).</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>The cell grammar.</summary>
    public PhraseRules Rules { get; }

    /// <summary>The phrase resolver of this directory (one instance, built on first use).</summary>
    public UnitPhraseResolver Phrases => _phrases.Value;

    /// <summary>The unit with this code, or null.</summary>
    public Unit? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The unit with this code; throws when unknown.</summary>
    public Unit Get(string code) => Find(code) ?? throw new KeyNotFoundException($"Unknown unit code '{code}'.");

    /// <summary>
    /// True when the committee assigns the unit with this code (<see cref="Unit.IsAssigned"/>); a code the directory does
    /// not know is not assigned (deny by default: the app never chases or escalates a body it cannot name).
    /// </summary>
    public bool IsAssigned(string code) => Find(code)?.IsAssigned == true;

    /// <summary>The committee's chairman (directory person with role "chairman"), or null when the directory has none.</summary>
    public Person? Chairman => People.FirstOrDefault(p => PersonRoles.Is(p.Role, PersonRoles.Chairman));

    /// <summary>The person with this e-mail address, or null.</summary>
    public Person? FindPerson(string email) =>
        People.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Resolves a lead or coordinating cell to unit codes (see <see cref="UnitPhraseResolver"/>).</summary>
    public PhraseResolution Resolve(string cell) => Phrases.Resolve(cell);

    /// <summary>True when the cell resolves completely (see <see cref="UnitPhraseResolver.CanResolve"/>).</summary>
    public bool CanResolve(string cell) => Phrases.CanResolve(cell);

    /// <summary>Every name the resolver knows with its units.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Units)> KnownNames() => Phrases.KnownNames();

    /// <summary>The known name closest to a phrase and its edit distance (on match keys).</summary>
    public (string Name, int Distance) ClosestName(string phrase) => Phrases.ClosestName(phrase);
}
