using System.Text;
using System.Text.RegularExpressions;

namespace DanVan365.Core.Lockdown;

/// <summary>
/// One command of the CLI for Microsoft 365 (`m365 …`), as words: printed for a person as a POSIX shell line
/// (<see cref="ToShell"/>), handed to infra/lockdown-permissions.sh as tab-separated words (<see cref="ToTabSeparated"/>),
/// so the script runs it as an argument array, never through <c>eval</c>.
/// </summary>
public sealed partial record M365Command
{
    /// <summary>Creates a command; every word must be non-empty and free of tabs and line breaks.</summary>
    public M365Command(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0 || words[0] != "m365")
        {
            throw new ArgumentException("A command starts with \"m365\".", nameof(words));
        }

        foreach (var word in words)
        {
            if (string.IsNullOrEmpty(word) || word.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
            {
                throw new ArgumentException($"Word \"{word}\" is empty or holds a tab or line break.", nameof(words));
            }
        }

        Words = words;
    }

    /// <summary>The words, "m365" first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The command as one POSIX shell line: plain words bare, any other word in single quotes.</summary>
    public string ToShell() => string.Join(' ', Words.Select(Quote));

    /// <summary>The words joined by tabs (the script reads them with <c>IFS=$'\t' read -r -a</c>).</summary>
    public string ToTabSeparated() => string.Join('\t', Words);

    /// <summary>A word as the shell reads it back unchanged: bare when it holds only safe characters, else single-quoted.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && SafeWord().IsMatch(word))
        {
            return word;
        }

        var quoted = new StringBuilder("'");
        quoted.Append(word.Replace("'", "'\\''", StringComparison.Ordinal));
        return quoted.Append('\'').ToString();
    }

    /// <inheritdoc/>
    public bool Equals(M365Command? other) => other is not null && Words.SequenceEqual(other.Words, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => ToTabSeparated().GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => ToShell();

    [GeneratedRegex("^[A-Za-z0-9_@%+=:,./-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeWord();
}
