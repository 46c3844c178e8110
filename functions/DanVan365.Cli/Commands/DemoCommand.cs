using System.CommandLine;
using System.Globalization;
using DanVan365.Cli.Target;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Planner;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Text;
using DanVan365.Core.Time;
using DanVan365.Core.Wards;
using DanVan365.Documents.Reporting;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `danvan365 demo [--data DIR] [--as-of DATE]`: the whole cycle on the local Microsoft 365, as a new user would see it:
/// provision, sync the bundled decision into the lists and Planner, issue round templates, submit SAMPLE returns of some
/// units (others deliberately missing), ingest, compile, escalate. Running it again changes nothing that is unchanged.
/// The decision is --decision, else the settings' Ward:DecisionFile (a ward made by `danvan365 init`), else the bundled
/// one; the units that return samples come from the directory (<see cref="SampleUnitsOf"/>).
/// </summary>
internal static class DemoCommand
{
    /// <summary>How many units submit a sample return; the others are left missing on purpose.</summary>
    public const int SampleUnitCount = 3;

    /// <summary>Marks every sample text as sample data.</summary>
    public const string SampleMark = "[DỮ LIỆU MẪU]";

    private const int Steps = 8;

    public static Command Create(CliContext context)
    {
        var target = new TargetOptions();
        var decisionOption = new Option<string?>("--decision")
        {
            Description = "The decision to run on (default: the settings' Ward:DecisionFile, else the bundled decision).",
        };
        var command = new Command("demo",
            "Run the whole cycle on the local Microsoft 365 with sample data: lists, Planner, templates, sample returns, the compiled " +
            "report and reminders.") { decisionOption };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            if (!target.Read(parse).IsLocal)
            {
                throw new UsageException("demo runs on the local Microsoft 365 only (sample data must not reach a tenant): drop --tenant.");
            }

            // Without --as-of the demo stands on the first working day after round 1's last day: reports are due,
            // some are missing, and reminders go out.
            var decisionPath = parse.GetValue(decisionOption) ?? CliSettings.Ward(CliSettings.Build(target.Read(parse))).DecisionFile;
            await using var run = await WardRun.OpenAsync(target, parse, decisionPath, context, ct, (settings, ward, catalogue) =>
                settings.AsOf is null
                ? settings with
                {
                    AsOf = ward.Calendar.Calendar.NextWorkingDayOnOrAfter(catalogue.Decision.ReportingRounds[0].LastDay.AddDays(1)),
                }
                : settings).ConfigureAwait(false);
            var (settings, units, catalogue, session) = (run.Settings, run.Units, run.Catalogue, run.Session);
            var output = context.Out;
            await output.WriteLineAsync($"DanVan365 demo — Microsoft 365 cục bộ tại {settings.DataDirectory}, ngày " +
                $"{VietnameseText.PaddedDate(settings.AsOf!.Value)} (giờ Việt Nam)").ConfigureAwait(false);
            await output.WriteLineAsync($"Quyết định {catalogue.Decision.Number} ngày " +
                $"{VietnameseText.PaddedDate(catalogue.Decision.Date)}: {catalogue.WorkItems.Count()} nhiệm vụ, " +
                $"{catalogue.Decision.ReportingRounds.Count} đợt báo cáo").ConfigureAwait(false);

            await Step(output, 1, "Tạo danh sách, thư viện và kế hoạch Planner").ConfigureAwait(false);
            var wardSync = run.Get<WardSync>();
            var provisioned = await wardSync.ProvisionAsync(catalogue, ct).ConfigureAwait(false);
            await Done(output, string.Create(CultureInfo.InvariantCulture,
                $"{provisioned.ListsCreated} danh sách mới, {provisioned.FoldersCreated} thư mục mới")).ConfigureAwait(false);
            if (provisioned.TeamsTab is { } pinned)
            {
                await output.WriteLineAsync("   Teams: " + pinned.Describe()).ConfigureAwait(false);
            }

            // One use case syncs the lists, then Planner from the rows it read; the demo shows the two halves as two steps.
            await Step(output, 2, "Đồng bộ danh mục nhiệm vụ vào Microsoft Lists").ConfigureAwait(false);
            var decisionName = decisionPath is null ? Core.Defaults.DefaultResources.DecisionFileName : Path.GetFileName(decisionPath);
            var synced = await wardSync.SyncAsync(catalogue, decisionName, false, ct).ConfigureAwait(false);
            var (lists, planner) = (synced.Lists, synced.Planner);
            await Done(output, string.Create(CultureInfo.InvariantCulture,
                $"tạo {lists.Count(ChangeKind.Create)}, cập nhật {lists.Count(ChangeKind.Update)}, không đổi " +
                $"{lists.Count(ChangeKind.Unchanged)}")).ConfigureAwait(false);
            await Step(output, 3, "Tạo công việc Planner cho từng đơn vị chủ trì").ConfigureAwait(false);
            await Done(output, string.Create(CultureInfo.InvariantCulture,
                $"tạo {planner.Count(PlannerChangeKind.Create)}, không đổi {planner.Count(PlannerChangeKind.Unchanged)}"))
                .ConfigureAwait(false);

            var today = WardTime.Today(session.Clock);
            var rounds = await run.Get<ReportRounds>().ListAsync(catalogue.Decision, ct).ConfigureAwait(false);
            var round = rounds.Where(r => r.IsClosedOn(today)).OrderBy(r => r.LastDay).LastOrDefault() ?? rounds[0];

            await Step(output, 4, $"Phát mẫu báo cáo {round.FolderName} cho các đơn vị").ConfigureAwait(false);
            var identity = run.Ward.IdentityFor(catalogue.Decision);
            var issued = await run.Get<ReportTemplates>().IssueAsync(catalogue, units, round, identity, ct).ConfigureAwait(false);
            await Done(output, string.Create(CultureInfo.InvariantCulture,
                $"{issued.Count} mẫu trong {ReportLibrary.TemplatesFolder(catalogue.Decision, round.Number)}")).ConfigureAwait(false);

            var sampleUnits = SampleUnitsOf(catalogue, units);
            await Step(output, 5, "Nộp báo cáo MẪU của " + string.Join(", ",
                sampleUnits) + " (các đơn vị khác cố ý chưa nộp)").ConfigureAwait(false);
            var ingest = run.Get<SubmissionIngest>();
            var submitted = 0;
            foreach (var template in issued.Where(t => sampleUnits.Contains(t.Spec.UnitCode, StringComparer.Ordinal)))
            {
                // Each return is uploaded by the unit's head, as in SharePoint (issue 13: a return counts only if one of
                // the unit's people last modified it); the local Graph records that person on the file.
                var filled = TemplateFiller.Fill(template.Content, SampleRows(catalogue, template.Spec, today));
                await using var person = session.ActingAs(HeadOf(units, template.Spec.UnitCode));
                var result = await person.Get<SubmissionIngest>().SubmitAsync(catalogue, rounds, filled, ct).ConfigureAwait(false);
                submitted += result.Ingested?.Outcome is IngestOutcome.Accepted ? 1 : 0;
            }

            await Done(output, string.Create(CultureInfo.InvariantCulture, $"{submitted} báo cáo được chấp nhận")).ConfigureAwait(false);

            await Step(output, 6, "Đọc các báo cáo đã nộp vào danh sách Báo cáo kết quả").ConfigureAwait(false);
            var ingested = await ingest.IngestAsync(catalogue, [round], force: false, ct).ConfigureAwait(false);
            await Done(output, string.Create(CultureInfo.InvariantCulture,
                $"chấp nhận {ingested.Count(IngestOutcome.Accepted)}, từ chối {ingested.Count(IngestOutcome.Rejected)}, không đổi " +
                $"{ingested.Count(IngestOutcome.Unchanged)}")).ConfigureAwait(false);

            await Step(output, 7, $"Tổng hợp BÁO CÁO {round.FolderName} theo Nghị định 30/2020/NĐ-CP").ConfigureAwait(false);
            var compiled = await run.Get<ReportCompilation>().CompileAsync(catalogue, units, round, identity, ct).ConfigureAwait(false);
            var reportPath = Path.Combine(settings.DataDirectory, "bao-cao", ReportLibrary.CompiledFileName(round.Number));
            Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
            await File.WriteAllBytesAsync(reportPath, compiled.Content, ct).ConfigureAwait(false);
            var figures = compiled.Report.Figures;
            await Done(output, string.Create(CultureInfo.InvariantCulture,
                $"{figures.ReportedUnits.Count}/{figures.ExpectedUnits.Count} đơn vị đã báo cáo")).ConfigureAwait(false);

            await Step(output, 8, "Gửi thư nhắc hạn và báo quá hạn").ConfigureAwait(false);
            var escalation = await run.Get<WardEscalation>().RunAsync(catalogue, false, ct).ConfigureAwait(false);
            await Done(output, string.Create(CultureInfo.InvariantCulture,
                $"{escalation.Messages} thư cho {escalation.Recipients} người, {escalation.Skipped} mục đã gửi trước đó"))
                .ConfigureAwait(false);

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("Tóm tắt").ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  Nhiệm vụ: {catalogue.WorkItems.Count()}; phân công: {lists.Assignments.Changes.Count}; công việc Planner: " +
                $"{planner.Plan?.Changes.Count ?? 0}")).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {round.FolderName}: hạn cuối {VietnameseText.PaddedDate(round.LastDay)}; đã báo cáo: " +
                $"{string.Join(", ", figures.ReportedUnits.Select(u => u.Name))}")).ConfigureAwait(false);
            await output.WriteLineAsync("  Chưa báo cáo: " + (figures.MissingUnits.Count == 0 ? "không" : string.Join(", ",
                figures.MissingUnits.Select(u => u.Name)))).ConfigureAwait(false);
            await output.WriteLineAsync($"  Báo cáo tổng hợp: {reportPath}").ConfigureAwait(false);
            await output.WriteLineAsync($"    (trong thư viện: Báo cáo dân vận/{compiled.File.Path})").ConfigureAwait(false);
            await output.WriteLineAsync($"  Thư đã gửi (.eml): {session.Outbox ?? Path.Combine(settings.DataDirectory, "outbox")}")
                .ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  Yêu cầu Microsoft Graph: {session.Requests}")).ConfigureAwait(false);
            var failures = lists.Failures.Concat(planner.Failures).Concat(escalation.Failures).ToList();
            foreach (var failure in failures)
            {
                await context.Error.WriteLineAsync($"Không ghi được {failure.Key}: {failure.Reason}").ConfigureAwait(false);
            }

            return failures.Count == 0 && escalation.Succeeded ? CliApp.Ok : CliApp.Failed;
        }));
        return command;
    }

    /// <summary>
    /// The units whose sample returns the demo submits: the <see cref="SampleUnitCount"/> assigned units that own the most
    /// tasks (<see cref="TaskOwners"/>), ties in directory order (Hải An: VHXH, VP, KTHTDT).
    /// </summary>
    public static IReadOnlyList<string> SampleUnitsOf(TaskCatalogue catalogue, Core.Units.UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(units);
        var owned = catalogue.WorkItems.SelectMany(t => TaskOwners.Of(t, units)).GroupBy(o => o.UnitCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return units.Units.Select((u, i) => (u.Code, i)).Where(x => owned.ContainsKey(x.Code))
            .OrderByDescending(x => owned[x.Code]).ThenBy(x => x.i).Take(SampleUnitCount).Select(x => x.Code).ToList();
    }

    /// <summary>
    /// The sample return of a unit: every row filled, marked as sample data; the completion word follows the task's
    /// last day as of today (done before it for half of the tasks, still open otherwise).
    /// </summary>
    public static IReadOnlyDictionary<string, FilledRow> SampleRows(TaskCatalogue catalogue, UnitTemplateSpec spec, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(spec);
        var rows = new Dictionary<string, FilledRow>(StringComparer.Ordinal);
        var index = 0;
        foreach (var row in spec.Rows)
        {
            var task = catalogue.Tasks.First(t => t.Code == row.Code);
            var lastDay = task.TimeFrame?.LastDay;
            var category = lastDay is { } d && d < today
                ? (index % 3 == 0 ? StatusCategory.CompletedLate : StatusCategory.CompletedOnTime)
                : (index % 4 == 3 ? StatusCategory.InProgressOverdue : StatusCategory.InProgressOnTime);
            if (lastDay is { } due && due >= today && category == StatusCategory.InProgressOverdue)
            {
                category = StatusCategory.InProgressOnTime;
            }

            var status = category.Label();

            rows[row.Code] = new FilledRow(
                $"{SampleMark} {spec.UnitName} đã triển khai nhiệm vụ {row.Code}: tổ chức họp triển khai, phân công cán bộ theo dõi.\nĐã " +
                    $"báo cáo kết quả bước đầu cho Ủy ban nhân dân phường.",
                status,
                index % 2 == 0 ? $"{SampleMark} Kinh phí và nhân lực còn hạn chế." : string.Empty,
                index % 3 == 0 ? $"{SampleMark} Đề nghị tăng cường tập huấn cho cán bộ phụ trách." : string.Empty);
            index++;
        }

        return rows;
    }

    /// <summary>The object id of the unit's head in the directory (a user of the local tenant: the seed's users are the
    /// directory's).</summary>
    private static string HeadOf(Core.Units.UnitDirectory units, string unitCode) =>
        units.People.FirstOrDefault(p => p.Unit == unitCode && Core.Units.PersonRoles.Is(p.Role, Core.Units.PersonRoles.Head))?.ObjectId
        ?? throw new Core.Errors.InvalidInputException("units.json", 0,
            $"đơn vị {unitCode} không có trưởng đơn vị với objectId: bản demo nộp báo cáo thay mặt người đó");

    private static Task Step(TextWriter output, int step, string title) =>
        output.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"[{step}/{Steps}] {title}… "));

    private static Task Done(TextWriter output, string detail) => output.WriteLineAsync("xong (" + detail + ")");
}
