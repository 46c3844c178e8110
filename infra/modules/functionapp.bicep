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

@description('Functions runtime stack on Flex Consumption.')
param runtimeName string

@description('Runtime version, e.g. 10.0 for .NET 10.')
param runtimeVersion string

@description('Memory of one instance in MB.')
param instanceMemoryMB int

@description('Most on-demand instances of each scale group (the ward-jobs queue function; the HTTP functions).')
param maximumInstanceCount int

@description('SharePoint resource units the app may spend per minute in the tenant, all instances together.')
param resourceUnitsPerMinute int

@description('Entra ID tenant of the Microsoft 365 tenant (Graph) and of the API\'s tokens.')
param m365TenantId string

@description('The wards; each one\'s settings are written as Wards__<i>__<Property>.')
param wards ward[]

@description('Client id of the Entra app registration that protects the HTTP functions (register-api.sh).')
param apiClientId string

@description('Key Vault reference of the seal key (modules/keyvault.bicep), resolved by the platform with the app\'s identity.')
param sealKeyReference string

// Every setting below is read by DanVan365.Functions or by the Functions host; nothing else is written.
// tests/DanVan365.Functions.Tests/Infrastructure/BicepSettingsTests.cs compiles this template, runs these settings
// through the app's start-up validation and fails on a setting that nothing reads.

// A list setting as the configuration binder reads it: Wards__<i>__<Name>__<n>, one per item.
func indexed(ward int, name string, values string[]) object[] =>
  map(range(0, length(values)), n => { key: 'Wards__${ward}__${name}__${n}', value: values[n] })

// Wards__{i}__{Property}: section "Wards" (DanVan365.Functions.Configuration.WardSettings), bound as a list.
// Every ward gives its own site, group and mailbox, so the M365__SiteUrl/GroupId/SenderMailbox fallbacks are not set
// (no ward silently inherits another's). Optional ones only when given (the code's default applies otherwise); lists as
// Wards__<i>__<Name>__<n>. tests/DanVan365.Functions.Tests/Infrastructure/BicepWardParameterTests.cs enumerates WardSettings
// by reflection and fails on a property with no source here.
var wardSettings = toObject(
  flatten(map(range(0, length(wards)), i => filter(concat([
    { key: 'Wards__${i}__Id', value: wards[i].id }
    { key: 'Wards__${i}__Name', value: wards[i].name }
    { key: 'Wards__${i}__PlanTitle', value: wards[i].planTitle }
    { key: 'Wards__${i}__SiteUrl', value: wards[i].siteUrl }
    { key: 'Wards__${i}__GroupId', value: wards[i].groupId }
    { key: 'Wards__${i}__SenderMailbox', value: wards[i].senderMailbox }
    { key: 'Wards__${i}__UnitsFile', value: wards[i].unitsFile }
    { key: 'Wards__${i}__ScoringFile', value: wards[i].?scoringFile ?? '' }
    { key: 'Wards__${i}__Report__Signer', value: wards[i].?report.?signer ?? '' }
    { key: 'Wards__${i}__Report__Filing', value: wards[i].?report.?filing ?? '' }
    { key: 'Wards__${i}__Report__Place', value: wards[i].?report.?place ?? '' }
    { key: 'Wards__${i}__YearEnd__LastDay', value: wards[i].?yearEnd.?lastDay ?? '' }
    { key: 'Wards__${i}__YearEnd__DataCutOff', value: wards[i].?yearEnd.?dataCutOff ?? '' }
  ], concat(
    indexed(i, 'HolidayFiles', wards[i].?holidayFiles ?? []),
    indexed(i, 'Report__Recipients', wards[i].?report.?recipients ?? []),
    indexed(i, 'Report__SignerCapacity', wards[i].?report.?signerCapacity ?? [])
  )), s => !empty(s.value)))),
  s => s.key,
  s => s.value
)

// One budget across instances, from the two parameters above and nothing else (docs/architecture.md "Resilience"):
// - Graph is called by the ward-jobs queue function and by the HTTP group, each on at most maximumInstanceCount
//   instances (Flex per-function scaling); so 2 × maximumInstanceCount instances may spend the budget at once, and each
//   declares that share of it (M365__InstanceCount), then adapts below it on 429/503 and RateLimit-Remaining.
// - One instance runs at most batchSize + newBatchThreshold ward jobs at once ("the maximum number of concurrent messages
//   being processed per function is batchSize plus newBatchThreshold", https://learn.microsoft.com/azure/azure-functions/
//   functions-bindings-storage-queue#host-json), served oldest run first. The last of them must get its resource units
//   within host.json's functionTimeout (10 minutes) from the instance's steady 90 % of its share: concurrency × 600 RU
//   (a ward's largest run, escalation: 598 RU, docs/benchmarks.md) ≤ 0.9 × share × 10. App settings override host.json's
//   values (https://learn.microsoft.com/azure/azure-functions/functions-host-json#override-hostjson-values).
var graphInstances = 2 * maximumInstanceCount
var largestWardRunUnits = 600
var functionTimeoutMinutes = 10
var instanceShare = resourceUnitsPerMinute / graphInstances
var wardJobConcurrency = max(1, min(48, (instanceShare * 9 * functionTimeoutMinutes) / (10 * largestWardRunUnits)))
var queueNewBatchThreshold = wardJobConcurrency / 3
var queueBatchSize = wardJobConcurrency - queueNewBatchThreshold

var settings = {
  // Functions host: host storage through the managed identity (no account key, no connection string); the
  // ward-jobs queue client (StorageWardJobQueue.CreateService) reads the same three settings.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // Functions host: no diagnostic-events table, so the identity needs no table role on the account.
  AzureWebJobsFeatureFlags: 'DisableDiagnosticEventLogging'

  // Functions host: telemetry; the connection string is not a secret, ingestion needs the identity's Entra token.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  // Section "M365" (DanVan365.M365.Client.M365Options): the tenant and the identity that calls Graph.
  M365__TenantId: m365TenantId
  M365__ClientId: identityClientId
  M365__Credential: 'ManagedIdentity'
  // The tenant's budget and how many instances share it (see graphInstances above): each paces to its share.
  M365__ResourceUnitsPerMinute: string(resourceUnitsPerMinute)
  M365__InstanceCount: string(graphInstances)

  // Functions host: the ward-jobs queue trigger's concurrency per instance (see wardJobConcurrency above).
  AzureFunctionsJobHost__extensions__queues__batchSize: string(queueBatchSize)
  AzureFunctionsJobHost__extensions__queues__newBatchThreshold: string(queueNewBatchThreshold)

  // Section "AzureAd" (EntraSettings, Microsoft.Identity.Web): the tokens the HTTP functions accept.
  AzureAd__Instance: environment().authentication.loginEndpoint
  AzureAd__TenantId: m365TenantId
  AzureAd__ClientId: apiClientId

  // Section "Integrity" (DanVan365.Core.Integrity.IntegrityOptions): the seal key, read from Key Vault by the platform
  // (https://learn.microsoft.com/azure/app-service/app-service-key-vault-references). During a rotation the admin adds
  // Integrity__PreviousSealKey the same way (infra/README.md).
  Integrity__SealKey: sealKeyReference
}

// CORS: the web part calls the API from the wards' SharePoint pages (also inside Teams); no other origin.
var sharePointOrigins = union(map(wards, w => 'https://${split(w.siteUrl, '/')[2]}'), [])

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
    // Key Vault references resolve with the app's user-assigned identity.
    keyVaultReferenceIdentity: identityId
    httpsOnly: true
    clientAffinityEnabled: false
    // Public: the web part calls the API from people's browsers, wherever they are (see README, Network).
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      cors: {
        allowedOrigins: sharePointOrigins
        supportCredentials: false
      }
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

// Settings already on the app (added by hand, e.g. Integrity__PreviousSealKey during a key rotation, or by the platform)
// survive a redeployment: the appsettings resource replaces the whole collection, so the template reads the current one
// with the documented list function of Microsoft.Web/sites/config
// (https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions-resource#list) and writes it back merged,
// its own values winning. Except the ward list: the template owns every Wards__* setting, so a ward removed from `wards`
// (or a per-ward setting left out) does not live on from an earlier deployment.
var currentSettings = list('${site.id}/config/appsettings', '2024-11-01').properties
var keptSettings = toObject(filter(items(currentSettings), s => !startsWith(s.key, 'Wards__')), s => s.key, s => s.value)

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: union(keptSettings, settings, wardSettings)
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
