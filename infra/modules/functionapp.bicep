// Flex Consumption plan (FC1) + the Function App (.NET isolated worker) and its app settings.
// Flex Consumption sets the runtime in functionAppConfig.runtime; FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION must not be set as app settings there.

import { ward } from 'types.bicep'

@description('Name of the Function App (also its default host name).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (Graph, storage, Application Insights).')
param identityClientId string

@description('Name of the host storage account (identity-based AzureWebJobsStorage).')
param storageAccountName string

@description('Blob container URL for the deployment package.')
param deploymentContainerUrl string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Key Vault URI (for future secrets and Key Vault references).')
param keyVaultUri string

@description('Functions runtime stack on Flex Consumption.')
param runtimeName string

@description('Runtime version, e.g. 10.0 for .NET 10.')
param runtimeVersion string

@description('Memory of one instance in MB.')
param instanceMemoryMB int

@description('Most instances the app scales out to.')
param maximumInstanceCount int

@description('Entra ID tenant of the Microsoft 365 tenant.')
param m365TenantId string

@description('The wards; the first is also the default M365 target (M365__SiteUrl, M365__GroupId, M365__SenderMailbox).')
param wards ward[]

@description('Queue of the ward fan-out.')
param wardQueueName string

@description('Client id of the Entra app registration that protects the HTTP functions (app roles DanVan.Admin, DanVan.Reporter). Empty: the AzureAd__* settings are left out.')
param apiClientId string

var firstWard = wards[0]

// Wards__{i}__{Property}: the multi-ward list, bound by the Functions host as an array (section "Wards").
// Optional properties that are not given are left out rather than set to an empty string.
var wardSettings = toObject(
  flatten(map(range(0, length(wards)), i => filter([
    { key: 'Wards__${i}__Code', value: wards[i].code }
    { key: 'Wards__${i}__Name', value: wards[i].name }
    { key: 'Wards__${i}__SiteUrl', value: wards[i].siteUrl }
    { key: 'Wards__${i}__GroupId', value: wards[i].groupId }
    { key: 'Wards__${i}__SenderMailbox', value: wards[i].senderMailbox }
    { key: 'Wards__${i}__PlanId', value: wards[i].?planId ?? '' }
    { key: 'Wards__${i}__UnitDirectory', value: wards[i].?unitDirectory ?? '' }
  ], s => !empty(s.value)))),
  s => s.key,
  s => s.value
)

var apiAuthSettings = empty(apiClientId) ? {} : {
  AzureAd__Instance: environment().authentication.loginEndpoint
  AzureAd__TenantId: m365TenantId
  AzureAd__ClientId: apiClientId
}

var baseSettings = {
  // Host storage through the managed identity: no account key, no connection string.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId

  // Telemetry: the connection string is not a secret; ingestion is authenticated with the identity.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  // Microsoft 365 (section "M365", DanVan365.M365.Client.M365Options).
  M365__TenantId: m365TenantId
  M365__ClientId: identityClientId
  M365__Credential: 'ManagedIdentity'
  M365__SiteUrl: firstWard.siteUrl
  M365__GroupId: firstWard.groupId
  M365__SenderMailbox: firstWard.senderMailbox

  // Ward fan-out queue (QueueTrigger("%WardJobsQueue%")) and the vault for future secrets.
  WardJobsQueue: wardQueueName
  KeyVault__Uri: keyVaultUri
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: union(baseSettings, apiAuthSettings, wardSettings)
}

// No FTP and no basic-auth publishing: deployments use Entra ID (az CLI / Core Tools sign in).
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the Function App.')
output name string = site.name

@description('Default host name, e.g. func-….azurewebsites.net.')
output defaultHostName string = site.properties.defaultHostName

@description('Names of the app settings this template sets (values are not secrets, but are not echoed).')
output appSettingNames string[] = objectKeys(appSettings.properties)
