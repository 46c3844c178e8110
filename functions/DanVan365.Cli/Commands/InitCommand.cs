using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DanVan365.Cli.Target;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Defaults;
using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;
using DanVan365.Core.Units;
using DanVan365.Core.Units.Proposal;
using DanVan365.Documents.Catalogue;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `danvan365 init --decision FILE --ward "Phường X" --out DIR` (docs/architecture.md "A new ward: init"): reads the
/// decision without a unit directory, proposes the ward's directory (<see cref="DirectoryProposer"/>) into DIR/units.json,
/// its settings into DIR/settings.json (for --settings) and, when the bundled holiday file covers the decision's year, a
/// copy of it; then prints, in Vietnamese, what is proposed and what is left to do. Bad input (a bad decision, a file of
/// DIR that exists) exits 2 with nothing written: the files are written in a temporary folder and moved at the end.
/// </summary>
internal static class InitCommand
{
    public const string UnitsFileName = "units.json";
    public const string SettingsFileName = "settings.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliContext context)
    {
        var decision = new Option<string>("--decision") { Description = "The ward's decision (.txt, .docx or .pdf).", Required = true };
        var ward = new Option<string>("--ward") { Description = "The ward's name, e.g. \"Phường Hải An\".", Required = true };
        var output = new Option<string>("--out")
        {
            Description = "The folder to write units.json and settings.json into.",
            Required = true,
        };
        var command = new Command("init",
            "Propose a new ward's unit directory and settings from its decision (people left as placeholders to fill in).")
            { decision, ward, output };
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var wardName = Core.Text.VietnameseText.Normalize(parse.GetValue(ward));
            if (wardName.Length == 0)
            {
                throw new UsageException("--ward: hãy ghi tên phường, ví dụ \"Phường Hải An\".");
            }

            var decisionPath = Path.GetFullPath(parse.GetValue(decision)!);
            var outDir = Path.GetFullPath(parse.GetValue(output)!);
            var started = context.Clock.GetTimestamp();
            var raw = DecisionImporters.ReadWithoutDirectory(decisionPath);
            var proposal = DirectoryProposer.Propose(raw, wardName);
            var unitsJson = proposal.ToJson();
            var directory = UnitDirectory.FromJson(unitsJson, UnitsFileName);
            var unresolved = Unresolved(raw, directory);
            var year = raw.Decision.Date.Year;
            var holidayName = $"holidays-{year}.json";
            var holidayText = BundledHolidays(year);

            var files = new Dictionary<string, string>(StringComparer.Ordinal) { [UnitsFileName] = unitsJson };
            if (holidayText is not null)
            {
                files[holidayName] = holidayText;
            }

            files[SettingsFileName] = SettingsJson(proposal, outDir, decisionPath, holidayText is null ? null : holidayName);
            Refuse(outDir, files.Keys);
            Write(outDir, files);
            var elapsed = context.Clock.GetElapsedTime(started);
            await InitSummary.WriteAsync(context.Out, new InitSummary.Facts(proposal, raw, decisionPath, outDir, [.. files.Keys],
                unresolved,
                holidayText is null ? null : holidayName, year, elapsed)).ConfigureAwait(false);
            return CliApp.Ok;
        }));
        return command;
    }

    // Every lead and coordinating cell and the aggregating phrase through the proposed directory: what still does not resolve.
    private static List<string> Unresolved(RawCatalogue raw, UnitDirectory directory) =>
        raw.Entries.SelectMany(e => new[] { e.LeadText, e.CoordinatingText }).Append(raw.Decision.AggregatingPhrase ?? string.Empty)
            .Where(p => p.Trim().Length > 0 && !directory.CanResolve(p)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The bundled holiday file's text when it covers <paramref name="year"/>, else null.</summary>
    private static string? BundledHolidays(int year)
    {
        var text = DefaultResources.ReadText(HolidayCalendarFile.DefaultFileName);
        var calendar = HolidayCalendarFile.Combine([new HolidayFileText(text, HolidayCalendarFile.DefaultFileName)]);
        return calendar.Covers(year) ? text : null;
    }

    private static string SettingsJson(DirectoryProposal proposal, string outDir, string decisionPath, string? holidayFile)
    {
        var root = new JsonObject
        {
            ["Ward"] = new JsonObject
            {
                ["Id"] = proposal.WardId,
                ["Name"] = proposal.WardName,
                ["UnitsFile"] = Path.Combine(outDir, UnitsFileName),
                ["DecisionFile"] = decisionPath,
            },
            ["Escalation"] = new JsonObject
            {
                ["HolidayFiles"] = holidayFile is null ? new JsonArray() : new JsonArray(Path.Combine(outDir, holidayFile)),
            },
        };
        return root.ToJsonString(Json) + "\n";
    }

    /// <summary>Refuses (exit 2, nothing written) when a file init would write already exists in the folder.</summary>
    private static void Refuse(string outDir, IEnumerable<string> names)
    {
        if (File.Exists(outDir))
        {
            throw new UsageException($"--out: '{outDir}' là một tệp, không phải thư mục; không ghi gì.");
        }

        var existing = names.Where(n => File.Exists(Path.Combine(outDir, n)) || Directory.Exists(Path.Combine(outDir, n))).ToList();
        if (existing.Count > 0)
        {
            throw new InvalidInputException(Path.Combine(outDir, existing[0]), 0,
                $"already exists; init never overwrites a ward's files (đã có {string.Join(", ", existing)} trong {outDir}: init không " +
                "ghi đè tệp của phường; hãy chọn thư mục khác hoặc tự chuyển các tệp đó đi; không ghi gì)");
        }
    }

    // Whole or nothing: the files are written in a temporary folder beside DIR, then moved in (never over an existing file).
    private static void Write(string outDir, Dictionary<string, string> files)
    {
        var parent = Path.GetDirectoryName(outDir) ?? outDir;
        if (!Directory.Exists(parent))
        {
            throw new UsageException($"--out: thư mục cha '{parent}' không tồn tại; không ghi gì.");
        }

        var temporary = Path.Combine(parent, $".{Path.GetFileName(outDir)}.init-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(temporary);
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(temporary, name), text);
            }

            if (!Directory.Exists(outDir))
            {
                Directory.Move(temporary, outDir);
                return;
            }

            foreach (var name in files.Keys)
            {
                File.Move(Path.Combine(temporary, name), Path.Combine(outDir, name), overwrite: false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: không ghi được vào '{outDir}': {ex.Message}");
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }
}
