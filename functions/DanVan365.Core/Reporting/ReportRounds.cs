using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>
/// Use case: the reporting rounds of a programme year — the decision's rounds, then ad hoc rounds added later.
/// Ad hoc rounds live in the library as a small JSON file, "{year}/Đợt báo cáo.json":
/// <c>{"rounds":[{"number":3,"title":"…","lastDay":"2026-07-31"}]}</c>; numbering continues after the decision's rounds.
/// </summary>
public sealed class ReportRounds(ILibraryStore library)
{
    /// <summary>Largest rounds file read (bytes).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Longest ad hoc round title (characters).</summary>
    public const int MaxTitleLength = 255;

    /// <summary>The decision's rounds, then the ad hoc ones, by number.</summary>
    public async Task<IReadOnlyList<ReportRound>> ListAsync(Decision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var (adHoc, _) = await ReadAdHocAsync(decision, cancellationToken).ConfigureAwait(false);
        return Merge(decision, adHoc);
    }

    /// <summary>One round by number, or null.</summary>
    public async Task<ReportRound?> FindAsync(Decision decision, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var fromDecision = ReportRound.FromDecision(decision).FirstOrDefault(r => r.Number == number);
        if (fromDecision is not null)
        {
            return fromDecision;
        }

        var all = await ListAsync(decision, cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(r => r.Number == number);
    }

    /// <summary>Adds an ad hoc round (next number), stores it and creates its folders.</summary>
    public async Task<ReportRound> AddAsync(Decision decision, string title, DateOnly lastDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var clean = VietnameseText.Nfc(title ?? string.Empty).Trim();
        if (clean.Length == 0)
        {
            throw new InvalidInputException("--title", 0, "tên đợt báo cáo không được để trống");
        }

        if (clean.Length > MaxTitleLength)
        {
            throw new InvalidInputException("--title", 0, string.Create(CultureInfo.InvariantCulture,
                $"tên đợt báo cáo dài quá {MaxTitleLength} ký tự"));
        }

        var (adHoc, _) = await ReadAdHocAsync(decision, cancellationToken).ConfigureAwait(false);
        var all = Merge(decision, adHoc);
        var round = new ReportRound(all.Count == 0 ? 1 : all.Max(r => r.Number) + 1, clean, lastDay, AdHoc: true);
        foreach (var folder in ReportLibrary.RoundFolders(decision, round.Number))
        {
            await library.EnsureFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        }

        await library.UploadAsync(ReportLibrary.YearFolder(decision), ReportLibrary.RoundsFileName, Serialize([.. adHoc, round]),
            cancellationToken).ConfigureAwait(false);
        return round;
    }

    /// <summary>The rounds file's content (deterministic).</summary>
    public static byte[] Serialize(IEnumerable<ReportRound> adHoc)
    {
        ArgumentNullException.ThrowIfNull(adHoc);
        var rounds = new JsonArray();
        foreach (var round in adHoc.OrderBy(r => r.Number))
        {
            rounds.Add(new JsonObject
            {
                ["number"] = round.Number,
                ["title"] = round.Title,
                ["lastDay"] = round.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
        }

        var json =
            new JsonObject { ["rounds"] = rounds }.ToJsonString(new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
            });
        return Encoding.UTF8.GetBytes(json + "\n");
    }

    /// <summary>Reads a rounds file; a broken file is bad input (file:line).</summary>
    public static IReadOnlyList<ReportRound> Parse(byte[] content, string path)
    {
        ArgumentNullException.ThrowIfNull(content);
        var result = new List<ReportRound>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content,
                documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(path, (int)(ex.LineNumber ?? 0) + 1, "không phải JSON hợp lệ: " + ex.Message, ex);
        }

        if (root?["rounds"] is not JsonArray rounds)
        {
            throw new InvalidInputException(path, 1, "thiếu mảng \"rounds\"");
        }

        foreach (var node in rounds)
        {
            try
            {
                var number = node!["number"]!.GetValue<int>();
                var title = VietnameseText.Nfc(node["title"]!.GetValue<string>());
                var lastDay = DateOnly.ParseExact(node["lastDay"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                result.Add(new ReportRound(number, title, lastDay, AdHoc: true));
            }
            catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or FormatException)
            {
                throw new InvalidInputException(path, 0, "đợt báo cáo thiếu hoặc sai \"number\", \"title\" hay \"lastDay\"", ex);
            }
        }

        return result;
    }

    private static List<ReportRound> Merge(Decision decision, IReadOnlyList<ReportRound> adHoc)
    {
        var fromDecision = ReportRound.FromDecision(decision);
        var taken = fromDecision.Select(r => r.Number).ToHashSet();
        // A number the decision already uses belongs to the decision.
        return [.. fromDecision.Concat(adHoc.Where(r => !taken.Contains(r.Number))).GroupBy(r => r.Number).Select(g => g.First())
            .OrderBy(r => r.Number)];
    }

    private async Task<(IReadOnlyList<ReportRound> Rounds, LibraryFile? File)> ReadAdHocAsync(Decision decision,
        CancellationToken cancellationToken)
    {
        var folder = ReportLibrary.YearFolder(decision);
        var files = await library.ListAsync(folder, cancellationToken).ConfigureAwait(false);
        var file = files.FirstOrDefault(f => string.Equals(VietnameseText.Nfc(f.Name), ReportLibrary.RoundsFileName,
            StringComparison.Ordinal));
        if (file is null)
        {
            return ([], null);
        }

        var content = await library.DownloadAsync(file, MaxFileBytes, cancellationToken).ConfigureAwait(false);
        return (Parse(content, file.Path), file);
    }
}
