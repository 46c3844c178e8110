using System.Globalization;
using System.Text;

namespace DanVan365.Core.Sync;

/// <summary>The key of a Phân công row: "code|unitCode" (NFC). The format is a public contract (unique column).</summary>
public readonly record struct AssignmentKey(string TaskCode, string UnitCode)
{
    private const char Separator = '|';

    /// <summary>"code|unitCode".</summary>
    public static string Format(string taskCode, string unitCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskCode);
        ArgumentException.ThrowIfNullOrEmpty(unitCode);
        return Nfc(taskCode) + Separator + Nfc(unitCode);
    }

    /// <summary>Reads "code|unitCode"; false when the text is not two non-empty parts.</summary>
    public static bool TryParse(string? text, out AssignmentKey key)
    {
        key = default;
        var parts = text?.Split(Separator);
        if (parts is not { Length: 2 } || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }

        key = new AssignmentKey(Nfc(parts[0]), Nfc(parts[1]));
        return true;
    }

    /// <summary>Reads "code|unitCode"; throws <see cref="FormatException"/> otherwise.</summary>
    public static AssignmentKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not an assignment key (code|unitCode).");

    /// <inheritdoc/>
    public override string ToString() => Format(TaskCode, UnitCode);

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}

/// <summary>The key of a Báo cáo kết quả row: "round|code|unitCode" (NFC). The format is a public contract (unique column).</summary>
public readonly record struct ReportKey(int Round, string TaskCode, string UnitCode)
{
    private const char Separator = '|';

    /// <summary>"round|code|unitCode".</summary>
    public static string Format(int round, string taskCode, string unitCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(round);
        ArgumentException.ThrowIfNullOrEmpty(taskCode);
        ArgumentException.ThrowIfNullOrEmpty(unitCode);
        return round.ToString(CultureInfo.InvariantCulture) + Separator + Nfc(taskCode) + Separator + Nfc(unitCode);
    }

    /// <summary>Reads "round|code|unitCode"; false when the text is not a positive round and two non-empty parts.</summary>
    public static bool TryParse(string? text, out ReportKey key)
    {
        key = default;
        var parts = text?.Split(Separator);
        if (parts is not { Length: 3 } || parts[1].Length == 0 || parts[2].Length == 0
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var round) || round <= 0)
        {
            return false;
        }

        key = new ReportKey(round, Nfc(parts[1]), Nfc(parts[2]));
        return true;
    }

    /// <summary>Reads "round|code|unitCode"; throws <see cref="FormatException"/> otherwise.</summary>
    public static ReportKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not a report key (round|code|unitCode).");

    /// <inheritdoc/>
    public override string ToString() => Format(Round, TaskCode, UnitCode);

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
