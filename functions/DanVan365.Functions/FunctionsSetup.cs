using DanVan365.Functions.Configuration;
using DanVan365.Functions.Dispatch;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Security;
using DanVan365.M365.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions;

/// <summary>
/// The Functions' services: validated settings (checked at start), the wards, DanVan365's one registration (use cases,
/// Graph adapter, documents), the jobs, the queue, Entra ID authentication.
/// </summary>
public static class FunctionsSetup
{
    public static IServiceCollection AddDanVan365Functions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FunctionsSettings>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FunctionsSettings>, FunctionsSettingsValidator>();
        services.AddSingleton<IWardRegistry, WardRegistry>();
        services.AddSingleton(TimeProvider.System);
        // No OCR on the Azure host: a scanned decision is refused, its reviewed copy asked for (before AddDanVan365's default).
        services.AddSingleton<Core.Wards.IDecisionReader, OcrFreeDecisionReader>();
        services.AddDanVan365(configuration);
        services.AddSingleton<IWardJobs, WardJobs>();
        services.AddOptions<WardJobRunOptions>().Bind(configuration.GetSection(WardJobRunOptions.Section))
            .PostConfigure(o => o.FunctionTimeout ??= HostFunctionTimeout.Read(configuration, AppContext.BaseDirectory)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WardJobRunOptions>, WardJobRunOptionsValidator>();
        services.AddSingleton<WardJobOutcomes>();
        services.AddHostedService<HolidayYearCheck>();
        services.AddHostedService<ProtectionsAtStart>();
        services.AddSingleton<IWardJobQueue>(_ => new StorageWardJobQueue(StorageWardJobQueue.CreateService(configuration)));
        services.AddSingleton<WardDispatcher>();
        services.AddSingleton<Triggers.IPortalCatalogues, Triggers.LibraryPortalCatalogues>();
        services.AddEntraAuthentication(configuration);
        return services;
    }
}
