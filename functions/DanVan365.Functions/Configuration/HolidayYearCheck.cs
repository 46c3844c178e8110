using DanVan365.Core.Time;
using DanVan365.M365.Composition;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Configuration;

/// <summary>
/// At start, says loudly (a warning per ward and year) when a ward has no holiday file for the current year: its
/// reminders then count weekends only until one is given, never silently.
/// </summary>
public sealed class HolidayYearCheck(IWardRegistry wards, TimeProvider clock, ILogger<HolidayYearCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Check();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Logs every (ward, year) without a holiday file; returns how many.</summary>
    public int Check()
    {
        var today = WardTime.Today(clock);
        var count = 0;
        foreach (var ward in wards.All)
        {
            foreach (var year in HolidayFiles.MissingYears(ward.Calendar, today))
            {
                Log.HolidayFileMissing(logger, ward.Id, year);
                count++;
            }
        }

        return count;
    }
}
