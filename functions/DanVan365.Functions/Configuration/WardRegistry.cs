using System.Globalization;
using System.Text.RegularExpressions;
using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;
using DanVan365.Core.Units;
using DanVan365.M365.Composition;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Configuration;

/// <summary>The configured wards, built once from validated settings.</summary>
public interface IWardRegistry
{
    IReadOnlyList<Ward> All { get; }

    /// <summary>The ward with this id, or null.</summary>
    Ward? Find(string id);
}

/// <summary>Builds <see cref="Ward"/>s from <see cref="FunctionsSettings"/>; a bad setting throws <see cref="ConfigurationException"/>
/// naming it.</summary>
public sealed partial class WardRegistry : IWardRegistry
{
    private readonly Dictionary<string, Ward> _byId;

    public WardRegistry(IOptions<FunctionsSettings> settings)
        : this(Build((settings ?? throw new ArgumentNullException(nameof(settings))).Value))
    {
    }

    public WardRegistry(IReadOnlyList<Ward> wards)
    {
        All = wards;
        _byId = wards.ToDictionary(w => w.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Ward> All { get; }

    public Ward? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Validates every ward (in order) and builds them; the first bad setting throws, named "Wards:N:Setting" or
    /// "M365:Setting".</summary>
    public static IReadOnlyList<Ward> Build(FunctionsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Wards.Count == 0)
        {
            throw new ConfigurationException(FunctionsSettings.WardsSection,
                "is missing: configure at least one ward (Wards:0:Id, Wards:0:Name, Wards:0:PlanTitle, …).");
        }

        var wards = new List<Ward>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < settings.Wards.Count; i++)
        {
            var ward = settings.Wards[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{FunctionsSettings.WardsSection}:{i}:");
            var id = Require(prefix, nameof(WardSettings.Id), ward.Id);
            if (!IdPattern().IsMatch(id))
            {
                throw new ConfigurationException(prefix + nameof(WardSettings.Id),
                    "must be lower-case letters, digits and '-' (at most 40), e.g. \"hai-an\".");
            }

            if (!seen.Add(id))
            {
                throw new ConfigurationException(prefix + nameof(WardSettings.Id), $"repeats the id \"{id}\" of an earlier ward.");
            }

            var name = Require(prefix, nameof(WardSettings.Name), ward.Name);
            var planTitle = Require(prefix, nameof(WardSettings.PlanTitle), ward.PlanTitle);
            var siteUrl = ward.SiteUrl ?? settings.M365.SiteUrl;
            var site = Require(prefix, nameof(WardSettings.SiteUrl), siteUrl);
            if (!Uri.TryCreate(site, UriKind.Absolute,
                out var siteUri) || siteUri.AbsolutePath.Length < 2 || (siteUri.Scheme != Uri.UriSchemeHttps && !settings.M365.Local))
            {
                throw new ConfigurationException(prefix + nameof(WardSettings.SiteUrl),
                    "must be the site's absolute https URL, e.g. https://contoso.sharepoint.com/sites/phuong-hai-an.");
            }

            var groupId = Require(prefix, nameof(WardSettings.GroupId), ward.GroupId ?? settings.M365.GroupId);
            if (!settings.M365.Local && !Guid.TryParse(groupId, out _))
            {
                throw new ConfigurationException(prefix + nameof(WardSettings.GroupId), "must be the group's object id (a GUID).");
            }

            var mailbox = ward.SenderMailbox ?? settings.M365.SenderMailbox;
            if (mailbox is not null && !mailbox.Contains('@', StringComparison.Ordinal))
            {
                throw new ConfigurationException(prefix + nameof(WardSettings.SenderMailbox),
                    "must be a mailbox address (user principal name).");
            }

            if (settings.Wards.Count > 1 && string.IsNullOrWhiteSpace(ward.UnitsFile))
            {
                throw new ConfigurationException(
                    prefix + nameof(WardSettings.UnitsFile),
                    "is missing: with more than one ward, each ward names its own unit directory (the bundled one is Hải An's).");
            }

            var graph = settings.M365.ForWard(site, groupId, mailbox);
            graph.Validate();
            var holidayFiles = ward.HolidayFiles.Count > 0 ? ward.HolidayFiles : settings.Escalation.HolidayFiles;
            var holidaySetting = ward.HolidayFiles.Count > 0
                ? prefix + nameof(WardSettings.HolidayFiles)
                : $"{EscalationOptions.SectionName}:{nameof(EscalationOptions.HolidayFiles)}";
            var calendar = HolidayFiles.Load(holidayFiles, holidaySetting);
            ward.Report.Validate(prefix + DanVan365.Core.Reporting.ReportOptions.SectionName);
            ward.YearEnd.Validate(prefix + DanVan365.Core.Reporting.YearEndOptions.SectionName);
            var scoring = ScoringModelFiles.Load(prefix + nameof(WardSettings.ScoringFile), ward.ScoringFile, AppContext.BaseDirectory);
            if (!settings.M365.Local && string.IsNullOrWhiteSpace(ward.UnitsFile))
            {
                throw new ConfigurationException(prefix + nameof(WardSettings.UnitsFile),
                    "is missing: a ward on a tenant names its own unit directory (the bundled one is Hải An's, with placeholder "
                    + "people) (Chưa có tệp danh bạ đơn vị của phường).");
            }

            var units = LoadUnits(prefix, ward.UnitsFile);
            if (!settings.M365.Local)
            {
                RefusePlaceholders(prefix, units);
            }

            wards.Add(new Ward(id, name.Trim(), planTitle.Trim(), graph, units, calendar, ward.Report,
                ward.YearEnd)
            {
                Scoring = scoring,
            });
        }

        return wards;
    }

    private static UnitDirectory LoadUnits(string prefix, string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return UnitDirectory.LoadDefault();
        }

        var path = Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file);
        if (!File.Exists(path))
        {
            throw new ConfigurationException(prefix + nameof(WardSettings.UnitsFile), $"names a file that does not exist: {path}.");
        }

        try
        {
            return UnitDirectoryFiles.Load(path);
        }
        catch (InvalidInputException ex)
        {
            throw new ConfigurationException(prefix + nameof(WardSettings.UnitsFile), $"is not a valid unit directory: {ex.Message}");
        }
    }

    /// <summary>On a tenant, a directory with placeholder people would send reminders to nobody and match no one: refuse it.</summary>
    private static void RefusePlaceholders(string prefix, UnitDirectory units)
    {
        var placeholders = PlaceholderPeople.Find(units);
        if (placeholders.Count > 0)
        {
            var (email, reason) = placeholders[0];
            throw new ConfigurationException(prefix + nameof(WardSettings.UnitsFile),
                $"has {placeholders.Count} placeholder person(s), e.g. \"{email}\": {reason}. Give the ward's real staff "
                + "(addresses and Entra object ids) before deploying to a tenant (Tệp danh bạ đơn vị còn người giữ chỗ).");
        }
    }

    private static string Require(string prefix, string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ConfigurationException(prefix + name, "is missing.") : value;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
