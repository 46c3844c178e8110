using DanVan365.Core.Defaults;
using DanVan365.M365.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan365.Cli;

/// <summary>The CLI's container: DanVan365's one registration with the command's clock; settings checked before use.</summary>
public static class CliServices
{
    /// <summary>The bundled defaults (ward name), before any --tenant or --settings file.</summary>
    public static IConfiguration DefaultConfiguration() =>
        new ConfigurationBuilder().AddJsonStream(DefaultResources.Open(Target.CliSettings.DefaultsFile)).Build();

    /// <summary>
    /// Builds the container and validates the settings (a bad <c>Escalation</c> section throws
    /// <see cref="Core.Errors.ConfigurationException"/>, exit code 2).
    /// </summary>
    public static ServiceProvider Build(IConfiguration configuration, TimeProvider clock)
    {
        var services = new ServiceCollection()
            .AddSingleton(clock)
            .AddDanVan365(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        try
        {
            services.ValidateDanVan365Settings();
            return services;
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }
}
