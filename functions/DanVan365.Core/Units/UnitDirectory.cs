namespace DanVan365.Core.Units;

/// <summary>The ward's unit directory: units by code (phrase resolution and loading are added by the catalogue feature).</summary>
public sealed partial class UnitDirectory
{
    private readonly Dictionary<string, Unit> _byCode;

    public UnitDirectory(IReadOnlyList<Unit> units)
    {
        Units = units;
        _byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
    }

    /// <summary>All units, in directory order.</summary>
    public IReadOnlyList<Unit> Units { get; }

    /// <summary>The unit with this code, or null.</summary>
    public Unit? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The unit with this code; throws when unknown.</summary>
    public Unit Get(string code) => Find(code) ?? throw new KeyNotFoundException($"Unknown unit code '{code}'.");
}
