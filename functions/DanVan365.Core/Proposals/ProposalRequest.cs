namespace DanVan365.Core.Proposals;

/// <summary>
/// A new proposal as typed (API body, CLI options, web part form): strings, validated by
/// <see cref="ProposalWorkflow.Propose"/>.
/// </summary>
/// <param name="UnitCode">The proposing unit's code.</param>
/// <param name="TaskCode">The task's code; empty for a new task (kind add).</param>
/// <param name="Kind">"extend" | "change" | "add" | "remove" (or the Vietnamese word).</param>
/// <param name="Text">Proposed wording (change, add).</param>
/// <param name="LastDay">Proposed last day, yyyy-mm-dd (extend; optional for add).</param>
/// <param name="Reason">Why (required).</param>
/// <param name="RequestId">The client's id of this request (web part: one per submit, the same on a retry): a second request
/// with the same id gives back the proposal the first recorded instead of filing it twice; null: none.</param>
public sealed record ProposalRequest(string? UnitCode, string? TaskCode, string? Kind, string? Text, string? LastDay, string? Reason,
    string? RequestId = null);

/// <summary>Ids of proposals: "DX-{year}-{n:0000}", one more than the highest of that year.</summary>
public static class ProposalIds
{
    public const string Prefix = "DX-";

    /// <summary>The next id for <paramref name="year"/> given the ids already used (the list's unique key catches a race).</summary>
    public static string Next(int year, IEnumerable<string> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var head = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Prefix}{year}-");
        var max = 0;
        foreach (var id in existing)
        {
            if (id is not null && id.StartsWith(head, StringComparison.Ordinal)
                && int.TryParse(id.AsSpan(head.Length), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                max = Math.Max(max, n);
            }
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{head}{max + 1:0000}");
    }
}

/// <summary>Client request ids (<see cref="ProposalRequest.RequestId"/>): their form, and whether a retry asks the same.</summary>
public static class ProposalRequestIds
{
    /// <summary>The longest id accepted (a UUID is 36 characters).</summary>
    public const int MaxLength = 100;

    /// <summary>Null when <paramref name="id"/> (trimmed) is 1–100 letters, digits or - _ . : ; else the Vietnamese reason.</summary>
    public static string? Refusal(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Mã yêu cầu phải gồm từ 1 đến {MaxLength} chữ cái không dấu, chữ số hoặc các dấu gạch ngang, gạch dưới, chấm, hai chấm.");
    }

    /// <summary>
    /// True when <paramref name="request"/> asks what <paramref name="recorded"/> records (unit, task, kind, text, last day,
    /// reason, compared as <see cref="ProposalWorkflow.Propose"/> cleans them): a retry of the same submit.
    /// </summary>
    public static bool SameAsked(Proposal recorded, ProposalRequest request)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(request);
        static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : Text.VietnameseText.Nfc(v.Trim());
        return ProposalCodes.TryParseKind(request.Kind, out var kind) && kind == recorded.Kind
            && string.Equals(Clean(request.UnitCode), recorded.UnitCode, StringComparison.Ordinal)
            && string.Equals(Clean(request.TaskCode), recorded.TaskCode, StringComparison.Ordinal)
            && string.Equals(Clean(request.Text), recorded.ProposedText, StringComparison.Ordinal)
            && string.Equals(Clean(request.Reason), recorded.Reason, StringComparison.Ordinal)
            && string.Equals(Clean(request.LastDay), recorded.ProposedLastDay?.ToString("yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
