using System.Collections;
using System.Reflection;
using DanVan365.Functions.Configuration;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan365.Functions.Tests.Infrastructure;

/// <summary>
/// Every setting the Functions bind for a ward (WardSettings, enumerated by reflection, nested sections and lists included)
/// has a source in infra/main.bicep's <c>wards</c> parameter, and the template keeps settings added by hand on a redeploy.
/// </summary>
[Collection(BicepSnapshotCollection.Name)]
public class BicepWardParameterTests(HaiAnSnapshotFixture haiAn)
{
    private static string Defaults => Path.Combine(TestData.RepoRoot, "functions", "DanVan365.Core", "Defaults", "HaiAn");

    [Fact]
    public void Snapshot_WardWithEveryParameter_EveryBoundWardSettingHasABicepSource()
    {
        var settings = FullWardSnapshot().AppSettings();

        var keys = BoundKeys(typeof(WardSettings), "Wards__0").ToList();
        var missing = keys.Where(k => !settings.ContainsKey(k)).ToList();

        Assert.True(keys.Count >= 15, "the reflection found too few settings: " + string.Join(", ", keys));
        Assert.True(missing.Count == 0, "ward settings with no Bicep parameter: " + string.Join(", ", missing));
    }

    [Fact]
    public void Start_WardWithEveryParameter_BindsEachIntoTheWard()
    {
        using var app = StartedApp.Start(FullWardSnapshot().AppSettings());

        var ward = Assert.Single(app.Services.GetRequiredService<IWardRegistry>().All);
        Assert.Equal(["Như trên", "Ban Dân vận Đảng ủy phường"], ward.Context.Report.Recipients);
        Assert.Equal("Nguyễn Văn A", ward.Context.Report.Signer);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ward.Context.Report.SignerCapacity);
        Assert.Equal("Hải An", ward.Context.Report.Place);
        Assert.Equal(("20/12", "18/12"), (ward.Context.YearEnd.LastDay, ward.Context.YearEnd.DataCutOff));
        Assert.All(ward.Units.People, p => Assert.EndsWith(TenantUnitDirectory.Domain, p.Email, StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshot_HaiAnParameters_KeepsTheAppsCurrentSettingsExceptTheWardList()
    {
        var kept = haiAn.Snapshot.KeptAppSettingsExpression();

        // The current settings of this very app, read with the list function of Microsoft.Web/sites/config, ...
        var site = Assert.Single(haiAn.Snapshot.Resources("Microsoft.Web/sites")).GetProperty("id").GetString()!;
        Assert.Contains($"list('{site}/config/appsettings', '", kept, StringComparison.Ordinal);
        // ... without the ward list, which the template owns whole (a removed ward must not live on) ...
        Assert.Contains("not(startsWith(lambdaVariables('s').key, 'Wards__'))", kept, StringComparison.Ordinal);
        // ... come first, so the template's own values win over them (union: later objects win).
        Assert.DoesNotContain("createObject(", kept, StringComparison.Ordinal);
        Assert.Contains("Integrity__SealKey", haiAn.Snapshot.RawAppSettings().Keys);
    }

    [Fact]
    public void Snapshot_WardWithoutUnitsFile_IsRefusedNamingUnitsFile()
    {
        var parameters = File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.hai-an.bicepparam"))
            .Replace("unitsFile: readEnvironmentVariable('DANVAN_HAIAN_UNITS_FILE', 'wards/hai-an/units.json')", string.Empty,
                StringComparison.Ordinal);

        var run = BicepSnapshot.Run(parameters, BicepSettingsTests.HaiAnEnvironment());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("unitsFile", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The configuration keys the binder reads for <paramref name="type"/> (lists at index 0), as app setting names.</summary>
    private static IEnumerable<string> BoundKeys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = prefix + "__" + property.Name;
            var kind = property.PropertyType;
            if (kind == typeof(string) || kind.IsValueType)
            {
                yield return name;
            }
            else if (kind.IsGenericType && typeof(IList).IsAssignableFrom(kind) && kind.GetGenericArguments()[0] == typeof(string))
            {
                yield return name + "__0";
            }
            else
            {
                foreach (var nested in BoundKeys(kind, name))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>One ward with every parameter of the ward type given.</summary>
    private static BicepSnapshot FullWardSnapshot()
    {
        var units = TenantUnitDirectory.Write(Path.Combine(Path.GetTempPath(), "danvan365-bicep-ward-" + Environment.ProcessId));
        var parameters = $$"""
            using './main.bicep'

            param location = 'southeastasia'
            param namePrefix = 'danvan-haian'
            param wards = [
              {
                id: 'hai-an'
                name: 'Phường Hải An'
                planTitle: 'Dân vận 2026 – Phường Hải An'
                siteUrl: 'https://contoso.sharepoint.com/sites/phuong-hai-an'
                groupId: '3f2b5a1c-0000-4000-8000-000000000001'
                senderMailbox: 'danvan.haian@contoso.example'
                unitsFile: '{{units}}'
                holidayFiles: ['{{Path.Combine(Defaults, "holidays-2026.json")}}']
                scoringFile: '{{Path.Combine(Defaults, "scoring.json")}}'
                report: {
                  recipients: ['Như trên', 'Ban Dân vận Đảng ủy phường']
                  signer: 'Nguyễn Văn A'
                  signerCapacity: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']
                  filing: 'Lưu: VT, VHXH'
                  place: 'Hải An'
                }
                yearEnd: {
                  lastDay: '20/12'
                  dataCutOff: '18/12'
                }
              }
            ]
            param apiClientId = '5c2d8e1f-3a4b-4c5d-9e6f-7a8b9c0d1e2f'
            param alertEmails = ['it@contoso.example']
            """;
        var run = BicepSnapshot.Run(parameters, BicepSettingsTests.HaiAnEnvironment());
        return run.Snapshot ?? throw new Xunit.Sdk.XunitException(run.Output);
    }
}
