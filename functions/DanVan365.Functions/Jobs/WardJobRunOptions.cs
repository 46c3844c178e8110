using System.Globalization;
using System.Text.Json;
using DanVan365.Core.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Jobs;

/// <summary>
/// How long one queue run of a ward job may last before it stops at a safe point and is continued by a follow-up message
/// (section "WardJobs"; docs/architecture.md "The Functions"). Validated at start against the host's function timeout.
/// </summary>
public sealed class WardJobRunOptions
{
    public const string Section = "WardJobs";

    /// <summary>The least time left between <see cref="RunTimeLimit"/> and the function timeout: the longest safe step.</summary>
    public static readonly TimeSpan MinMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A run stops at the first safe point after this time from its start (default 8 minutes, with host.json's functionTimeout
    /// of 10 minutes: two minutes for the step under way, the closing bookkeeping and the lease's release).
    /// </summary>
    public TimeSpan RunTimeLimit { get; set; } = TimeSpan.FromMinutes(8);

    /// <summary>
    /// The most follow-up runs of one job (default 20); a job still unfinished then ends failed (logged, and recorded for
    /// SyncNow) instead of being continued without end.
    /// </summary>
    public int MaxContinuations { get; set; } = 20;

    /// <summary>
    /// The host's function timeout as read at start (<see cref="HostFunctionTimeout.Read"/>): host.json's
    /// <c>functionTimeout</c>, or the app setting <c>AzureFunctionsJobHost__functionTimeout</c> that overrides it; null when
    /// unbounded or not found.
    /// </summary>
    public TimeSpan? FunctionTimeout { get; set; }

    /// <summary>Throws <see cref="ConfigurationException"/> naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        if (RunTimeLimit < TimeSpan.FromMinutes(1))
        {
            throw new ConfigurationException($"{Section}:{nameof(RunTimeLimit)}", "must be at least 00:01:00.");
        }

        if (FunctionTimeout is { } timeout && RunTimeLimit + MinMargin > timeout)
        {
            throw new ConfigurationException($"{Section}:{nameof(RunTimeLimit)}", string.Create(CultureInfo.InvariantCulture,
                $"must end at least {MinMargin:c} before the function timeout ({timeout:c}, host.json functionTimeout)."));
        }

        if (MaxContinuations is < 1 or > 100)
        {
            throw new ConfigurationException($"{Section}:{nameof(MaxContinuations)}", "must be between 1 and 100.");
        }
    }
}

/// <summary>Validates <see cref="WardJobRunOptions"/> at start (ValidateOnStart): the host does not start with a limit that
/// the function timeout would cut short.</summary>
public sealed class WardJobRunOptionsValidator : IValidateOptions<WardJobRunOptions>
{
    public ValidateOptionsResult Validate(string? name, WardJobRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}

/// <summary>
/// The function timeout the host applies (https://learn.microsoft.com/azure/azure-functions/functions-host-json#functiontimeout):
/// the app setting <c>AzureFunctionsJobHost__functionTimeout</c> (it overrides host.json) or host.json's
/// <c>functionTimeout</c> next to the app; "-1" (unbounded) or none: null.
/// </summary>
public static class HostFunctionTimeout
{
    public const string OverrideSetting = "AzureFunctionsJobHost:functionTimeout";

    public static TimeSpan? Read(IConfiguration configuration, string directory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[OverrideSetting] is { Length: > 0 } setting)
        {
            return Parse(setting, OverrideSetting);
        }

        var path = Path.Combine(directory, "host.json");
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("functionTimeout", out var value) && value.GetString() is { } text
            ? Parse(text, "host.json functionTimeout")
            : null;
    }

    private static TimeSpan? Parse(string text, string setting)
    {
        if (text.Trim() == "-1")
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero
            ? timeout
            : throw new ConfigurationException(setting, "must be a time span \"hh:mm:ss\" or -1.");
    }
}
