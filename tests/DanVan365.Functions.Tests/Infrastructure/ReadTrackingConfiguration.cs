using Microsoft.Extensions.Configuration;

namespace DanVan365.Functions.Tests.Infrastructure;

/// <summary>
/// App settings as the Functions host gives them to the worker (environment variables: "__" becomes ":"), recording
/// every key the app reads. The configuration binder reads a key only when a property of an options class has its
/// name, so a setting nobody binds (e.g. "Wards:0:Code" next to WardSettings.Id) is never read.
/// </summary>
public sealed class ReadTrackingConfiguration : ConfigurationProvider, IConfigurationSource
{
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public ReadTrackingConfiguration(IReadOnlyDictionary<string, string> appSettings)
    {
        ArgumentNullException.ThrowIfNull(appSettings);
        foreach (var (name, value) in appSettings)
        {
            Data[ToKey(name)] = value;
        }
    }

    /// <summary>The configuration key of an app setting, as the environment-variables provider makes it.</summary>
    public static string ToKey(string appSettingName)
    {
        ArgumentNullException.ThrowIfNull(appSettingName);
        return appSettingName.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
    }

    /// <summary>True if the app asked for this key's value.</summary>
    public bool WasRead(string key)
    {
        lock (_read)
        {
            return _read.Contains(key);
        }
    }

    public override bool TryGet(string key, out string? value)
    {
        lock (_read)
        {
            _read.Add(key);
        }

        return base.TryGet(key, out value);
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;
}
