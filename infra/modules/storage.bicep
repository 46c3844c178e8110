// Host storage for the Function App: AzureWebJobsStorage (timers' schedule and locks, host keys), the Flex Consumption
// deployment container and the ward fan-out queues. Shared-key access is off: only Entra identities get in.
// The app's identity gets data roles on the containers and queues it uses, never on the whole account.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Blob container that holds the app package (Flex Consumption deployment storage).')
param deploymentContainerName string

@description('Principal id of the app\'s identity.')
param appPrincipalId string

@description('Name of that identity: seeds the role assignment names, so they are known before deployment (what-if).')
param identityName string

@description('Resource id of the Log Analytics workspace that receives the queue write logs (poison alert).')
param workspaceId string

var roleSeed = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)

// Built-in roles.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageBlobDataContributor = 'ba92f5b4-2d11-453e-a403-e96b0029c9fe'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

// The Functions host keeps its state in these two containers of AzureWebJobsStorage: timer schedules and
// singleton locks (azure-webjobs-hosts), host keys (azure-webjobs-secrets). Created here so the identity's role can
// be scoped to them (a container-scoped role cannot create its own container).
var hostContainerNames = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]

// The ward fan-out queue and the poison queue the host moves a message to after host.json's maxDequeueCount (5).
// Names fixed by the code: DanVan365.Functions.Dispatch.QueueNames.WardJobs / WardJobsPoison.
var queueNames = [
  'ward-jobs'
  'ward-jobs-poison'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Public endpoint, Entra-only: Flex Consumption without virtual network integration has no fixed outbound
    // addresses and Functions is not a trusted service for the AzureServices bypass, so a Deny rule would lock
    // the app out of its own host storage (infra/README.md, Network).
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'None'
      defaultAction: 'Allow'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource hostContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for containerName in hostContainerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

// The package: written by the deployment (through the app's identity on Flex Consumption) and read at start.
resource packageContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deploymentContainer.id, roleSeed, storageBlobDataContributor)
  scope: deploymentContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Host state: Storage Blob Data Owner is the role Microsoft documents for identity-based AzureWebJobsStorage;
// here it covers the host's two containers only.
resource hostBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (containerName, i) in hostContainerNames: {
    name: guid(hostContainers[i].id, roleSeed, storageBlobDataOwner)
    scope: hostContainers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// ward-jobs: the dispatcher adds messages, the queue trigger reads and deletes them; ward-jobs-poison: the host
// adds the messages that failed 5 times. No role on any other queue.
resource queueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (queueName, i) in queueNames: {
    name: guid(queues[i].id, roleSeed, storageQueueDataContributor)
    scope: queues[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Queue write operations (PutMessage, …) go to Log Analytics: the poison alert counts PutMessage on ward-jobs-poison.
// Reads (the trigger's polling) are not sent: they would be most of the volume and nobody needs them.
resource queueLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'queue-writes-to-log-analytics'
  scope: queueService
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
    ]
  }
}

@description('Name of the storage account.')
output name string = account.name

@description('Blob container URL for the Flex Consumption deployment package.')
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'

@description('Names of the queues (the fan-out queue, then its poison queue).')
output queueNames string[] = queueNames
