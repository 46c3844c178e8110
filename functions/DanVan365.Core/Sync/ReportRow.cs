using System.Globalization;

namespace DanVan365.Core.Sync;

/// <summary>
/// A Báo cáo kết quả row (<see cref="SiteSchema.Reports"/>) in types, with the column names of <see cref="ReportColumns"/>:
/// what a submission writes (<see cref="Fields"/>) and what every reader gets back (<see cref="From"/>); round, task and
/// unit come from their columns, else from the key ("round|code|unitCode"). <see cref="ItemId"/> is empty for a row not
/// read from the list.
/// </summary>
public sealed record ReportRow(string ItemId, ReportKey Key, string? Role, string? Result, string? Completion,
    string? Difficulties, string? Proposals, string? SourceFile, DateOnly? SubmittedOn)
{
    public int Round => Key.Round;

    public string TaskCode => Key.TaskCode;

    public string UnitCode => Key.UnitCode;

    /// <summary>The columns in their canonical form (<see cref="FieldValues"/>); the key column is the row's key.</summary>
    public IReadOnlyDictionary<string, string?> Fields() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [ReportColumns.Round] = FieldValues.Number(Round),
        [ReportColumns.TaskCode] = TaskCode,
        [ReportColumns.UnitCode] = UnitCode,
        [ReportColumns.Role] = Role,
        [ReportColumns.Result] = FieldValues.Text(Result),
        [ReportColumns.Completion] = Completion,
        [ReportColumns.Difficulties] = FieldValues.Text(Difficulties),
        [ReportColumns.Proposals] = FieldValues.Text(Proposals),
        [ReportColumns.SourceFile] = FieldValues.Text(SourceFile),
        [ReportColumns.SubmittedOn] = FieldValues.Date(SubmittedOn),
    };

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
