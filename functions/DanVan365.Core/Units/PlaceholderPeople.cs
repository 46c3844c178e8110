namespace DanVan365.Core.Units;

/// <summary>
/// Finds the people of a unit directory who cannot be the ward's real staff: an address under a domain reserved for
/// examples and tests (RFC 2606: the top-level names .test, .example, .invalid, .localhost and example.com/.net/.org; here
/// any domain with a label "example", which also covers the bundled Hải An directory's haian.example.vn, and the ".invalid"
/// placeholders `danvan365 init` writes), or no Entra object id (nobody in the tenant can be matched to them).
/// A ward on a real tenant must not start with such a directory (docs/architecture.md "Authority").
/// </summary>
public static class PlaceholderPeople
{
    private static readonly string[] ReservedTopLevel = ["test", "example", "invalid", "localhost"];

    /// <summary>The directory's placeholder people (email and why), in directory order; empty when every person is real.</summary>
    public static IReadOnlyList<(string Email, string Reason)> Find(UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var found = new List<(string, string)>();
        foreach (var person in units.People)
        {
            if (IsReservedAddress(person.Email))
            {
                found.Add((person.Email, "its address is under a domain reserved for examples (RFC 2606)"));
            }
            else if (string.IsNullOrWhiteSpace(person.ObjectId) || !Guid.TryParse(person.ObjectId, out var id) || id == Guid.Empty)
            {
                found.Add((person.Email, "it has no Entra object id"));
            }
        }

        return found;
    }

    /// <summary>True when the address's domain is reserved for examples or tests (RFC 2606), or the address has no domain.</summary>
    public static bool IsReservedAddress(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (email is null || at < 1 || at == email.Length - 1)
        {
            return true;
        }

        var labels = email[(at + 1)..].TrimEnd('.').ToLowerInvariant().Split('.');
        return ReservedTopLevel.Contains(labels[^1], StringComparer.Ordinal)
            || labels.Contains("example", StringComparer.Ordinal);
    }
}
