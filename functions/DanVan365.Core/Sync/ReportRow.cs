using System.Globalization;

namespace DanVan365.Core.Sync;

/// <summary>
/// A Báo cáo kết quả row (<see cref="SiteSchema.Reports"/>) read into types; round, task and unit come from their
/// columns, else from the key ("round|code|unitCode").
/// </summary>
public sealed record ReportRow(string ItemId, ReportKey Key, string? Role, string? Result, string? Completion,
    string? Difficulties, string? Proposals, string? SourceFile, DateOnly? SubmittedOn)
{
    public int Round => Key.Round;

    public string TaskCode => Key.TaskCode;

    public string UnitCode => Key.UnitCode;

    /// <summary>Reads a row; null when neither its columns nor its key give a positive round, a task and a unit.</summary>
    public static ReportRow? From(CurrentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var f = row.Fields;
        ReportKey.TryParse(row.Key, out var fromKey);
        var round = double.TryParse(f.GetValueOrDefault(ReportColumns.Round), NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            ? (int)r
            : fromKey.Round;
        var code = FieldValues.Text(f.GetValueOrDefault(ReportColumns.TaskCode)) ?? fromKey.TaskCode;
        var unit = FieldValues.Text(f.GetValueOrDefault(ReportColumns.UnitCode)) ?? fromKey.UnitCode;
        if (round <= 0 || string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(unit))
        {
            return null;
        }

        return new ReportRow(row.ItemId, new ReportKey(round, code, unit), f.GetValueOrDefault(ReportColumns.Role),
            f.GetValueOrDefault(ReportColumns.Result), f.GetValueOrDefault(ReportColumns.Completion),
            f.GetValueOrDefault(ReportColumns.Difficulties), f.GetValueOrDefault(ReportColumns.Proposals),
            f.GetValueOrDefault(ReportColumns.SourceFile), FieldValues.ParseDate(f.GetValueOrDefault(ReportColumns.SubmittedOn)));
    }
}
