using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;

namespace DanVan365.Functions.Jobs;

/// <summary>The decision files in the library's "Quyết định" folder, and importing one of them.</summary>
public static class DecisionFiles
{
    /// <summary>Library column that records the Version (cTag) of the file last synced.</summary>
    public const string StampColumn = Core.Sync.LibraryNames.IngestedHash;

    /// <summary>Library column that tells people why a file was refused.</summary>
    public const string RejectionColumn = Core.Sync.LibraryNames.Rejection;

    /// <summary>A decision larger than this is refused (the Hải An decision is a few hundred KB).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    private static readonly string[] Extensions = [".docx", ".txt", ".pdf", ".doc"];

    /// <summary>True for a file that is meant as a decision (the importer refuses .pdf/.doc with a reason people can act on).</summary>
    public static bool IsDecision(LibraryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Extensions.Contains(Path.GetExtension(file.Name), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when the file's content changed since it was last synced (its Version differs from the stamp).</summary>
    public static bool Changed(LibraryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return !string.Equals(file.Fields.GetValueOrDefault(StampColumn), file.Version, StringComparison.Ordinal);
    }

    /// <summary>
    /// The file to sync from: among <paramref name="files"/>, the one whose name sorts last (decision files are named
    /// by number and year, so an amendment uploaded under a new name wins), or null.
    /// </summary>
    public static LibraryFile? Latest(IEnumerable<LibraryFile> files) =>
        files.OrderBy(f => f.Name, StringComparer.Ordinal).LastOrDefault();

    /// <summary>Downloads and imports a decision (via a temporary file with the same extension, as the importers are path-based).</summary>
    public static async Task<TaskCatalogue> ImportAsync(ILibraryStore library, LibraryFile file, UnitDirectory units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(file);
        var bytes = await library.DownloadAsync(file, MaxBytes, cancellationToken).ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory("danvan365-decision-");
        try
        {
            var path = Path.Combine(folder.FullName, "decision" + Path.GetExtension(file.Name).ToLowerInvariant());
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            return DecisionImporters.Import(path, units);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
