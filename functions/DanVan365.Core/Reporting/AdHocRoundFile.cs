using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DanVan365.Core.Errors;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>One entry of the rounds file as read: the round, its seal, and the entry as written (kept when it is ignored).</summary>
public sealed record StoredRound(ReportRound Round, string? Seal, JsonObject Raw);

/// <summary>
/// The ad hoc rounds file "{year}/Đợt báo cáo.json" (docs/architecture.md "Rounds"):
/// <c>{"rounds":[{"number":3,"title":"…","lastDay":"2026-07-31","units":["VP"],"tasks":["1.2"],"createdBy":"…",
/// "createdAt":"…","requestId":"…","seal":"s1.…"}]}</c>. Members of the ward's group can edit the library, so each entry
/// DanVan365 writes carries a seal (<see cref="RecordSeal"/>) over its values, the file's path and its number; an entry
/// whose seal fails is not used (<see cref="ReportRounds"/>). Pure.
/// </summary>
public static class AdHocRoundFile
{
    /// <summary>The seal's "list": the library's name.</summary>
    public static string SealList => SiteSchema.Library.DisplayName;

    /// <summary>The seal's row key: the file's path and the round's number ("2026/Đợt báo cáo.json#3").</summary>
    public static string RowKey(string path, int number) =>
        VietnameseText.Nfc(path) + "#" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The values a seal covers, in canonical text.</summary>
    public static IReadOnlyDictionary<string, string?> SealedValues(ReportRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["number"] = round.Number.ToString(CultureInfo.InvariantCulture),
            ["title"] = round.Title,
            ["lastDay"] = Day(round.LastDay),
            ["units"] = round.Units is null ? null : string.Join('|', round.Units),
            ["tasks"] = round.Tasks is null ? null : string.Join('|', round.Tasks),
            ["createdBy"] = round.CreatedBy,
            ["createdAt"] = round.CreatedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["requestId"] = round.RequestId,
        };
    }

    /// <summary>An entry for <paramref name="round"/>, sealed with <paramref name="seal"/> when given.</summary>
    public static JsonObject Entry(ReportRound round, RecordSeal? seal, string path)
    {
        ArgumentNullException.ThrowIfNull(round);
        var entry = new JsonObject
        {
            ["number"] = round.Number,
            ["title"] = round.Title,
            ["lastDay"] = Day(round.LastDay),
        };
        if (round.Units is { } units)
        {
            entry["units"] = new JsonArray([.. units.Select(u => (JsonNode?)JsonValue.Create(u))]);
        }

        if (round.Tasks is { } tasks)
        {
            entry["tasks"] = new JsonArray([.. tasks.Select(t => (JsonNode?)JsonValue.Create(t))]);
        }

        AddText(entry, "createdBy", round.CreatedBy);
        AddText(entry, "createdAt", SealedValues(round)["createdAt"]);
        AddText(entry, "requestId", round.RequestId);
        if (seal is not null)
        {
            entry["seal"] = seal.Seal(SealList, RowKey(path, round.Number), SealedValues(round));
        }

        return entry;
    }

    /// <summary>The file's content (deterministic): the entries in number order, each as given.</summary>
    public static byte[] Write(IEnumerable<JsonObject> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rounds = new JsonArray();
        foreach (var entry in entries.OrderBy(e => Number(e) ?? int.MaxValue))
        {
            rounds.Add(entry.DeepClone());
        }

        var json = new JsonObject { ["rounds"] = rounds }.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return Encoding.UTF8.GetBytes(json + "\n");
    }

    /// <summary>Reads the file; a file that is not the format is bad input (file:line).</summary>
    public static IReadOnlyList<StoredRound> Read(byte[] content, string path)
    {
        ArgumentNullException.ThrowIfNull(content);
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

        return [.. rounds.Select(node => ReadEntry(node, path))];
    }

    /// <summary>The number an entry gives, or null when it gives none.</summary>
    public static int? Number(JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry["number"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
    }

    private static StoredRound ReadEntry(JsonNode? node, string path)
    {
        try
        {
            var entry = node!.AsObject();
            var number = entry["number"]!.GetValue<int>();
            var title = VietnameseText.Nfc(entry["title"]!.GetValue<string>());
            var lastDay = DateOnly.ParseExact(entry["lastDay"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var round = new ReportRound(number, title, lastDay, AdHoc: true)
            {
                Units = Codes(entry["units"]),
                Tasks = Codes(entry["tasks"]),
                CreatedBy = Text(entry["createdBy"]),
                CreatedAt = Text(entry["createdAt"]) is { } at
                    ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                    : null,
                RequestId = Text(entry["requestId"]),
            };
            return new StoredRound(round, Text(entry["seal"]), entry);
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new InvalidInputException(path, 0, "đợt báo cáo thiếu hoặc sai \"number\", \"title\" hay \"lastDay\"", ex);
        }
    }

    private static List<string>? Codes(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => VietnameseText.Nfc(n!.GetValue<string>()).Trim())] : null;

    private static string? Text(JsonNode? node) => node is null ? null : node.GetValue<string>();

    private static void AddText(JsonObject entry, string name, string? value)
    {
        if (value is not null)
        {
            entry[name] = value;
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
