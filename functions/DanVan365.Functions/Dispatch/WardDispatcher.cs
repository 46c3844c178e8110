using Azure.Core;
using Azure.Identity;
using Azure.Storage.Queues;
using DanVan365.Core.Errors;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Dispatch;

/// <summary>Queue names (the host moves a message to "{queue}-poison" after host.json's maxDequeueCount: 5 attempts).</summary>
public static class QueueNames
{
    public const string WardJobs = "ward-jobs";

    public const string WardJobsPoison = WardJobs + "-poison";

    /// <summary>The connection setting prefix of the queue trigger (identity-based: AzureWebJobsStorage__queueServiceUri, …).</summary>
    public const string Connection = "AzureWebJobsStorage";
}

/// <summary>Where ward jobs are queued.</summary>
public interface IWardJobQueue
{
    Task EnqueueAsync(WardJobMessage message, CancellationToken cancellationToken);
}

/// <summary>The ward-jobs queue in Azure Storage. Messages are base64, as the Functions queue trigger expects.</summary>
public sealed class StorageWardJobQueue(QueueServiceClient service) : IWardJobQueue
{
    private QueueClient? _queue;

    public static QueueClientOptions ClientOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public async Task EnqueueAsync(WardJobMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_queue is null)
        {
            var queue = service.GetQueueClient(QueueNames.WardJobs);
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _queue = queue;
        }

        await _queue.SendMessageAsync(message.ToJson(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The queue service of the AzureWebJobsStorage connection, as the Functions host reads it: a connection string
    /// (local: Azurite), or identity-based settings AzureWebJobsStorage__queueServiceUri / __accountName with
    /// __credential=managedidentity and __clientId (the user-assigned identity).
    /// </summary>
    public static QueueServiceClient CreateService(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(QueueNames.Connection);
        var options = ClientOptions();
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new QueueServiceClient(section.Value, options);
        }

        var uri = section["queueServiceUri"];
        if (string.IsNullOrWhiteSpace(uri) && section["accountName"] is { Length: > 0 } account)
        {
            uri = $"https://{account}.queue.core.windows.net";
        }

        if (string.IsNullOrWhiteSpace(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out var serviceUri))
        {
            throw new ConfigurationException(QueueNames.Connection,
                "is missing: set AzureWebJobsStorage__queueServiceUri (identity-based) or a connection string.");
        }

        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        return new QueueServiceClient(serviceUri, credential, options);
    }
}

/// <summary>Fans a job out: one queue message per configured ward.</summary>
public sealed class WardDispatcher(IWardRegistry wards, IWardJobQueue queue, ILogger<WardDispatcher> logger)
{
    public async Task<int> DispatchAsync(WardJob job, CancellationToken cancellationToken)
    {
        foreach (var ward in wards.All)
        {
            await queue.EnqueueAsync(new WardJobMessage(ward.Id, job), cancellationToken).ConfigureAwait(false);
        }

        Log.Dispatched(logger, job, wards.All.Count);
        return wards.All.Count;
    }
}
