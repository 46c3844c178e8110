using System.CommandLine;
using System.Globalization;
using System.Text;
using DanVan365.Cli.Target;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `danvan365 status [--as-of DATE]`: the four status categories and ongoing tasks per unit and per section, for the units the
/// committee assigns; the units it only requests in a table apart ("Các cơ quan, tổ chức phối hợp"), in no total.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var target = new TargetOptions();
        var file =
            new Argument<string?>("file")
            {
                Description = "The decision (section titles; default: the bundled decision).",
                Arity = ArgumentArity.ZeroOrOne
            };
        var command = new Command("status", "Print the status categories per unit and per section as of today (or --as-of).") { file };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(file), context, ct).ConfigureAwait(false);
            var (units, catalogue, session) = (run.Units, run.Catalogue, run.Session);
            var rows = await session.Lists.ReadAsync(SiteSchema.Assignments, ct).ConfigureAwait(false);
            var (report, requested) = StatusReport.BuildByAuthority(rows, catalogue.Sections, units,
                Core.Time.WardTime.Today(session.Clock));
            await context.Out.WriteAsync(Render(report, requested)).ConfigureAwait(false);
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>Two plain-text tables (Vietnamese headings), widths fitted to the content, then the requested units' counts apart
    /// when there are any.</summary>
    public static string Render(StatusReport report, IReadOnlyList<StatusCounts>? requested = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("Tình hình thực hiện nhiệm vụ đến ngày ").AppendLine(report.AsOf.ToString("dd/MM/yyyy",
            CultureInfo.InvariantCulture)).AppendLine();
        Table(text, "Đơn vị", report.Units, report.Totals);
        text.AppendLine();
        Table(text, "Mục", report.Sections.Select(s => s with { Name = s.Key + ". " + Core.Sync.DesiredRows.Shorten(s.Name, 60) }).ToList(),
            report.Totals);
        if (requested is { Count: > 0 })
        {
            text.AppendLine()
                .AppendLine("Các cơ quan, tổ chức phối hợp (Ủy ban nhân dân phường đề nghị phối hợp; không tính vào tổng cộng):")
                .AppendLine();
            Table(text, "Cơ quan, tổ chức", requested, null);
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, string heading, IReadOnlyList<StatusCounts> rows, StatusCounts? totals)
    {
        string[] columns = ["HT đúng hạn", "HT quá hạn", "Đang TH trong hạn", "Đang TH quá hạn", "Thường xuyên", "Tổng"];
        var all = totals is null ? rows.ToList() : rows.Append(totals).ToList();
        var nameWidth = Math.Max(heading.Length, all.Max(r => r.Name.Length));
        text.Append(heading.PadRight(nameWidth));
        foreach (var column in columns)
        {
            text.Append("  ").Append(column);
        }

        text.AppendLine();
        text.AppendLine(new string('-', nameWidth + columns.Sum(c => c.Length + 2)));
        foreach (var row in all)
        {
            if (totals is not null && ReferenceEquals(row, totals))
            {
                text.AppendLine(new string('-', nameWidth + columns.Sum(c => c.Length + 2)));
            }

            int[] values = [row.Count(StatusCategory.CompletedOnTime), row.Count(StatusCategory.CompletedLate),
                row.Count(StatusCategory.InProgressOnTime), row.Count(StatusCategory.InProgressOverdue), row.Ongoing, row.Total];
            text.Append(row.Name.PadRight(nameWidth));
            for (var i = 0; i < columns.Length; i++)
            {
                text.Append("  ").Append(values[i].ToString(CultureInfo.InvariantCulture).PadLeft(columns[i].Length));
            }

            text.AppendLine();
        }
    }
}
