using Azure.Core;
using DanVan365.Core.Escalation;
using DanVan365.Core.Integrity;
using DanVan365.Core.Planner;
using DanVan365.Core.Proposals;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.Documents.Proposals;
using DanVan365.Documents.Reporting;
using DanVan365.M365.Client;
using DanVan365.M365.Escalation;
using DanVan365.M365.Integrity;
using DanVan365.M365.Lists;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DanVan365.M365.Composition;

/// <summary>
/// The one registration of DanVan365 (docs/architecture.md "Composition"): Core's use cases, the Graph adapter and the Word
/// documents, with the settings bound and validated. The CLI, the Functions, the demo and the tests all resolve the
/// same objects from it; per-ward objects come from <see cref="IWardScopeFactory.Open"/>.
/// </summary>
public static class DanVan365Services
{
    /// <summary>
    /// Registers everything. <paramref name="configuration"/> supplies the <c>Escalation</c> section (validated at start).
    /// The use cases' clock is the registered <see cref="TimeProvider"/> (the system clock unless the host registers one).
    /// </summary>
    public static IServiceCollection AddDanVan365(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EscalationOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        // Every wait of the adapter (Polly's delays, the tenant budgets, batch-item retries, the lease's wait and poll,
        // mail pacing) runs on this one clock, so a test drives them all with a fake one.
        services.TryAddSingleton(sp => new TenantResilienceRegistry(sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<AppCredential>();
        services.TryAddSingleton<IWardScopeFactory, WardScopeFactory>();
        services.TryAddSingleton<IReportDocuments>(_ => new WordReportDocuments());
        services.TryAddSingleton<IDecisionReader, DocumentsDecisionReader>();
        // Decisions read, kept by ward, file and version (cTag) across runs: a warm portal call does not re-read the decision.
        services.TryAddSingleton<ParsedDecisions>();
        // A person's calls start from the site ids earlier calls resolved (runs resolve afresh).
        services.TryAddSingleton<WardSiteMaps>();
        services.TryAddSingleton(_ => ProposalSettings(configuration));
        services.TryAddSingleton(_ => IntegritySettings(configuration));
        services.TryAddSingleton(_ => ScoringSettings(configuration));
        services.TryAddSingleton<IAmendmentDraftDocuments, WordAmendmentDraftDocuments>();
        services.TryAddSingleton<Core.NextYear.INextYearDraftDocuments, Documents.NextYear.WordNextYearDraftDocuments>();

        // One ward, one run: the target, the Graph adapter objects and the ports they implement.
        services.AddScoped<WardTargetHolder>();
        services.AddScoped(sp => sp.GetRequiredService<WardTargetHolder>().Target.Ward);
        services.AddScoped(sp =>
        {
            var target = sp.GetRequiredService<WardTargetHolder>().Target;
            var credential = target.Graph.Local ? null : sp.GetRequiredService<AppCredential>().For(target.Graph);
            var resilience = sp.GetRequiredService<TenantResilienceRegistry>().For(target.Graph, target.Instance);
            return new GraphAdapters(
                GraphClientBuilder.Create(target.Graph, resilience, credential, target.Transport, target.Interactive),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RecordSeal>(), sp.GetService<ILoggerFactory>(),
                target.Interactive ? sp.GetRequiredService<WardSiteMaps>().For(target.Graph) : null);
        });
        services.AddScoped<IRequestMeter>(sp => sp.GetRequiredService<GraphAdapters>());
        services.AddScoped<ISiteProvisioner>(sp => sp.GetRequiredService<GraphAdapters>().Provisioner);
        services.AddScoped<IListStore>(sp => sp.GetRequiredService<GraphAdapters>().Lists);
        services.AddScoped<IPlannerStore>(sp => sp.GetRequiredService<GraphAdapters>().Planner);
        services.AddScoped<ILibraryStore>(sp => sp.GetRequiredService<GraphAdapters>().Library);
        services.AddScoped<IStateStore>(sp => sp.GetRequiredService<GraphAdapters>().State);
        services.AddScoped(sp => sp.GetRequiredService<GraphAdapters>().ReadAhead);
        services.TryAddSingleton(_ => LeaseTimes(configuration));
        services.AddScoped<IWardLease>(sp =>
        {
            var graph = sp.GetRequiredService<GraphAdapters>();
            return new Lists.GraphWardLease(graph.Site, graph.Lists, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<WardLeaseTimes>(), sp.GetRequiredService<RecordSeal>(), graph.Interventions);
        });
        services.AddScoped<WardRunLease>();
        services.AddScoped(sp => new WardRunDeadline(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<WardContext>().Name,
            sp.GetRequiredService<WardTargetHolder>().Target.Deadline));
        services.AddScoped(sp => SealKeys.For(sp.GetRequiredService<IntegrityOptions>(),
            sp.GetRequiredService<WardTargetHolder>().Target.Graph));
        services.AddScoped<IInterventionLog>(sp => sp.GetRequiredService<GraphAdapters>().Interventions);
        services.AddScoped<ISiteLinks>(sp => new GraphSiteLinks(sp.GetRequiredService<GraphAdapters>().Site));
        services.AddScoped<INotificationLogStore>(sp =>
        {
            var graph = sp.GetRequiredService<GraphAdapters>();
            return new GraphNotificationLog(graph.Site, graph.Batches, graph.Lists, sp.GetRequiredService<RecordSeal>());
        });
        services.AddScoped<IProposalStore>(sp =>
        {
            var graph = sp.GetRequiredService<GraphAdapters>();
            return new GraphProposalStore(graph.Site, graph.Batches, graph.Lists, sp.GetRequiredService<RecordSeal>());
        });
        services.AddScoped<Core.Scoring.IScoreReviewStore>(sp =>
        {
            var graph = sp.GetRequiredService<GraphAdapters>();
            return new GraphScoreReviewStore(graph.Site, graph.Batches, graph.Lists, sp.GetRequiredService<RecordSeal>());
        });
        services.AddScoped<IEscalationMailSender>(sp => new GraphMailSender(sp.GetRequiredService<GraphAdapters>().Connection));

        services.AddScoped<Core.Lockdown.ISiteInspector>(sp => new GraphSiteInspector(sp.GetRequiredService<GraphAdapters>().Site));
        services.AddScoped<Core.Lockdown.ITenantInspector>(sp => new GraphTenantInspector(sp.GetRequiredService<GraphAdapters>().Site));
        services.AddScoped(sp => new SendPacer(sp.GetRequiredService<TimeProvider>()));

        // Core's use cases.
        services.AddScoped<CatalogueSync>();
        services.AddScoped<PlannerSync>();
        services.AddScoped<ReportRounds>();
        services.AddScoped<ReportTemplates>();
        services.AddScoped<SubmissionReturns>();
        services.AddScoped<SubmissionIngest>();
        services.AddScoped<ReportCompilation>();
        services.AddScoped<EscalationRun>();
        services.AddScoped<WardSync>();
        services.AddScoped<DecisionIntake>();
        services.AddScoped<RoundCompilation>();
        services.AddScoped<ReportIngestion>();
        services.AddScoped<WardEscalation>();
        services.AddScoped<WardProposals>();
        services.AddScoped<WardPortal>();
        services.AddScoped<WardRounds>();
        services.AddScoped<WardReturns>();
        services.AddScoped<WardNextYear>();
        services.AddScoped<WardScores>();
        services.AddScoped<WardScoring>();
        services.AddScoped<Core.Scoring.ISelfScoreRecorder>(sp => sp.GetRequiredService<WardScoring>());
        services.AddScoped<Core.Scoring.IScoreBoardSource>(sp => sp.GetRequiredService<WardScoring>());
        services.AddScoped(sp => new Core.Lockdown.WardProtections(sp.GetRequiredService<Core.Lockdown.ISiteInspector>(),
            sp.GetRequiredService<Core.Wards.WardContext>(), SealKeys.SourceFor(sp.GetRequiredService<IntegrityOptions>(),
                sp.GetRequiredService<WardTargetHolder>().Target.Graph)));
        return services;
    }

    /// <summary>The use cases a ward scope resolves (what entry points call; a test resolves each of them).</summary>
    public static IReadOnlyList<Type> UseCases { get; } =
    [
        typeof(WardSync), typeof(DecisionIntake), typeof(RoundCompilation), typeof(ReportIngestion), typeof(WardEscalation),
        typeof(ReportTemplates), typeof(SubmissionIngest), typeof(ReportCompilation), typeof(ReportRounds),
        typeof(CatalogueSync), typeof(PlannerSync), typeof(EscalationRun), typeof(WardProposals), typeof(WardRounds), typeof(WardReturns),
        typeof(WardNextYear), typeof(WardScores), typeof(WardScoring),
        typeof(Core.Lockdown.WardProtections),
    ];

    /// <summary>
    /// Checks the settings now (what <c>ValidateOnStart</c> does in a host): a bad <c>Escalation</c> section throws
    /// <see cref="Core.Errors.ConfigurationException"/> naming the setting.
    /// </summary>
    public static void ValidateDanVan365Settings(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            _ = services.GetRequiredService<IOptions<EscalationOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new Core.Errors.ConfigurationException(EscalationOptions.SectionName, string.Join(" ", ex.Failures));
        }
        catch (InvalidOperationException ex)
        {
            // The binder's own refusal (e.g. "maybe" for Escalation:Courtesy:External) names the value and the setting.
            throw new Core.Errors.ConfigurationException(EscalationOptions.SectionName, ex.Message);
        }

        _ = services.GetRequiredService<ProposalOptions>();
        _ = services.GetRequiredService<IntegrityOptions>();
        _ = services.GetRequiredService<Core.Scoring.ScoringOptions>();
        _ = services.GetRequiredService<WardLeaseTimes>();
    }

    /// <summary>The <c>WardLease</c> section (defaults when absent), validated.</summary>
    private static WardLeaseTimes LeaseTimes(IConfiguration configuration)
    {
        var times = configuration.GetSection(WardLeaseTimes.SectionName).Get<WardLeaseTimes>() ?? WardLeaseTimes.Default;
        times.Validate();
        return times;
    }

    /// <summary>The <c>Integrity</c> section, validated (a missing key is checked per target: <see cref="SealKeys.For"/>).</summary>
    private static IntegrityOptions IntegritySettings(IConfiguration configuration)
    {
        var options = configuration.GetSection(IntegrityOptions.SectionName).Get<IntegrityOptions>() ?? new IntegrityOptions();
        options.Validate();
        return options;
    }

    /// <summary>The <c>Scoring</c> section (defaults when absent), validated.</summary>
    private static Core.Scoring.ScoringOptions ScoringSettings(IConfiguration configuration)
    {
        var options = configuration.GetSection(Core.Scoring.ScoringOptions.SectionName).Get<Core.Scoring.ScoringOptions>()
            ?? new Core.Scoring.ScoringOptions();
        options.Validate();
        return options;
    }

    /// <summary>The <c>Proposals</c> section, validated (a bad one throws <see cref="Core.Errors.ConfigurationException"/>).</summary>
    private static ProposalOptions ProposalSettings(IConfiguration configuration)
    {
        var options = configuration.GetSection(ProposalOptions.SectionName).Get<ProposalOptions>() ?? new ProposalOptions();
        options.Validate();
        return options;
    }
}

/// <summary>
/// The app's one credential (and token cache) for Graph, made on first use: the tenant settings are the same for every
/// ward. No client secrets (<see cref="GraphClientBuilder.CreateCredential"/>).
/// </summary>
internal sealed class AppCredential
{
    private readonly Lock _gate = new();
    private TokenCredential? _credential;

    public TokenCredential For(M365Options options)
    {
        lock (_gate)
        {
            return _credential ??= GraphClientBuilder.CreateCredential(options);
        }
    }
}
