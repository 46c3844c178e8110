using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Integrity;

/// <summary>
/// The processed-file value of a library file (column <see cref="LibraryNames.IngestedHash"/>, "Đã xử lý") that DanVan365
/// writes when it has judged a file (docs/architecture.md "Records people can trust"): the content version judged (the
/// file's cTag), what it was read against (the catalogue's version for a return, <see cref="DecisionContext"/> for a
/// decision), and the author of that content as judged then, sealed (<see cref="RecordSeal"/>) over the file's drive item
/// id. Graph names the application as the file's lastModifiedBy after the app writes the file's columns (baseitem.md), so
/// the author of the content is remembered here, where a person cannot forge it: a value typed in SharePoint, or copied
/// from another file, does not verify (<see cref="Read"/>), and the file is judged afresh.
/// <para>Text "version|context|author|seal"; the author is "u:{object id}" (a person), "a:{application id}" (an
/// application only), "op" (uploaded by DanVan365 itself for its caller) or "-" (Graph named nobody).</para>
/// </summary>
/// <param name="Version">The content version judged (cTag).</param>
/// <param name="Context">What it was read against.</param>
/// <param name="Author">The content's author as judged (null: nobody, or <paramref name="ByOperator"/>).</param>
/// <param name="ByOperator">True when DanVan365 uploaded the content itself, for the operator who called it.</param>
public sealed record ProcessedStamp(string Version, string Context, FileModifier? Author, bool ByOperator)
{
    /// <summary>The context of a decision file's stamp.</summary>
    public const string DecisionContext = "decision";

    /// <summary>The list a stamp is sealed for (the library's key).</summary>
    private static string List => SiteSchema.Library.Key;

    private const string OperatorToken = "op";

    /// <summary>The sealed column value for <paramref name="file"/>'s current content.</summary>
    public static string Write(RecordSeal seal, LibraryFile file, string context, FileModifier? author, bool byOperator = false)
    {
        ArgumentNullException.ThrowIfNull(seal);
        ArgumentNullException.ThrowIfNull(file);
        var token = byOperator ? OperatorToken : Token(author);
        var values = Values(file.Version, context, token);
        return string.Join('|', file.Version, context, token, seal.Seal(List, file.Id, values));
    }

    /// <summary>
    /// The stamp on <paramref name="file"/>: null when there is none (never judged) or when it does not verify
    /// (<paramref name="forged"/>: a value is there, but DanVan365 did not write it on this file).
    /// </summary>
    public static ProcessedStamp? Read(RecordSeal seal, LibraryFile file, out bool forged)
    {
        ArgumentNullException.ThrowIfNull(seal);
        ArgumentNullException.ThrowIfNull(file);
        forged = false;
        var value = FieldValues.Text(file.Fields.GetValueOrDefault(LibraryNames.IngestedHash));
        if (value is null)
        {
            return null;
        }

        var parts = value.Split('|');
        if (parts.Length != 4
            || seal.Verify(List, file.Id, Values(parts[0], parts[1], parts[2]), parts[3]) == SealCheck.Broken)
        {
            forged = true;
            return null;
        }

        var token = parts[2];
        return new ProcessedStamp(parts[0], parts[1], token == OperatorToken ? null : AuthorOf(token), token == OperatorToken);
    }

    /// <summary>
    /// The author of <paramref name="file"/>'s content: the one a verified stamp recorded for this very content (a later
    /// column write, by the app or anyone, does not change it), else Graph's lastModifiedBy now (the content changed since,
    /// or was never judged: whoever last modified the file). <paramref name="byOperator"/>: DanVan365 uploaded it.
    /// </summary>
    public static FileModifier? ContentAuthor(ProcessedStamp? stamp, LibraryFile file, out bool byOperator)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (stamp is not null && stamp.Version.Length > 0 && string.Equals(stamp.Version, file.Version, StringComparison.Ordinal))
        {
            byOperator = stamp.ByOperator;
            return stamp.Author;
        }

        byOperator = false;
        return file.LastModifiedBy;
    }

    /// <summary>The intervention recorded for a processed-file value DanVan365 did not write (the file is judged afresh).</summary>
    public static Intervention Forgery(LibraryFile file, string what)
    {
        ArgumentNullException.ThrowIfNull(file);
        var column = SiteSchema.Library.Columns.First(c => c.Name == LibraryNames.IngestedHash).DisplayName;
        return new Intervention(SiteSchema.Library.DisplayName, file.Path, column,
            file.Fields.GetValueOrDefault(LibraryNames.IngestedHash), null, InterventionAction.Ignored,
            $"Giá trị \"{column}\" của {what} không do DanVan365 ghi; không sử dụng, tệp được xét lại như tệp mới.",
            file.LastModifiedBy, null);
    }

    private static Dictionary<string, string?> Values(string version, string context, string author) => new(StringComparer.Ordinal)
    {
        ["version"] = version,
        ["context"] = context,
        ["author"] = author,
    };

    private static string Token(FileModifier? author) =>
        author?.UserId is { Length: > 0 } user ? "u:" + user
        : author?.ApplicationId is { Length: > 0 } app ? "a:" + app
        : "-";

    private static FileModifier? AuthorOf(string token) =>
        token.StartsWith("u:", StringComparison.Ordinal) ? new FileModifier(token[2..], null)
        : token.StartsWith("a:", StringComparison.Ordinal) ? new FileModifier(null, null, token[2..])
        : null;
}
