namespace DanVan365.Core.Reporting;

/// <summary>A file in the Báo cáo dân vận library.</summary>
/// <param name="Id">Drive item id.</param>
/// <param name="Path">Path inside the library, e.g. "2026/Đợt 1/Nộp/VHXH.docx".</param>
/// <param name="Name">File name.</param>
/// <param name="Version">A value that changes whenever the content changes (cTag or eTag).</param>
/// <param name="Size">Bytes.</param>
/// <param name="WebUrl">Link for people.</param>
/// <param name="Fields">The file's library columns (e.g. Rejection, IngestedHash).</param>
/// <param name="ListItemId">The id of the file's row in the library (its columns live there).</param>
/// <param name="LastModifiedBy">Who last modified the file (Graph's lastModifiedBy), or null when Graph named nobody.</param>
public sealed record LibraryFile(string Id, string Path, string Name, string Version, long Size, string? WebUrl,
    IReadOnlyDictionary<string, string?> Fields, string? ListItemId = null, FileModifier? LastModifiedBy = null);

/// <summary>The document library, as the reporting use cases see it. Implemented by the Graph adapter.</summary>
public interface ILibraryStore
{
    /// <summary>Uploads a file (an upload session beyond 4 MB). Replacing keeps the earlier file as a version.</summary>
    Task<LibraryFile> UploadAsync(string folder, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Files directly in a folder (none when the folder does not exist).</summary>
    Task<IReadOnlyList<LibraryFile>> ListAsync(string folder, CancellationToken cancellationToken);

    /// <summary>A file's content, refusing files larger than <paramref name="maxBytes"/>.</summary>
    Task<byte[]> DownloadAsync(LibraryFile file, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Sets library columns on a file (never touches its content).</summary>
    Task SetFieldsAsync(LibraryFile file, IReadOnlyDictionary<string, string?> fields, CancellationToken cancellationToken);

    /// <summary>
    /// Files added or changed since <paramref name="token"/> (all files when it is null) whose path passes
    /// <paramref name="include"/>, with their columns, and the token for next time (the drive's delta).
    /// </summary>
    Task<(IReadOnlyList<LibraryFile> Files, string Token)> ChangesAsync(string? token, Func<string, bool> include,
        CancellationToken cancellationToken);

    /// <summary>Creates a folder and its parents if missing.</summary>
    Task EnsureFolderAsync(string folder, CancellationToken cancellationToken);
}
