namespace DanVan365.M365.Client;

/// <summary>Encoding of values that go into OData query options.</summary>
public static class OData
{
    /// <summary>A string literal for $filter: single quotes doubled (OData ABNF "SQUOTE-in-string"), wrapped in quotes.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
