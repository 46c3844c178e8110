// DanVan365 on Azure: one Function App (Flex Consumption, .NET isolated) for one or more wards.
//
//   user-assigned identity ──► storage: container app-package                      Storage Blob Data Contributor
//                          │            containers azure-webjobs-hosts, -secrets      Storage Blob Data Owner
//                          │            queues ward-jobs, ward-jobs-poison            Storage Queue Data Contributor
//                          ├─► Application Insights (local auth off)                 Monitoring Metrics Publisher
//                          ├─► Key Vault: secret seal-key (Integrity__SealKey)      Key Vault Secrets User
//                          └─► Microsoft Graph (granted by grant-graph-permissions.sh, not by this template)
//   HTTP functions ◄── Entra ID tokens for the API app registration (register-api.sh; apiClientId, required)
//   ward-jobs-poison ──► queue write logs ──┐
//   Application Insights requests, traces ──┴► log alerts (poison, failures, queue age, idle) ──► e-mail (alertEmails)
//
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.hai-an.bicepparam (see infra/README.md).

targetScope = 'resourceGroup'

import { ward } from 'modules/types.bicep'

@description('Azure region for every resource (Flex Consumption must be offered there, e.g. southeastasia).')
param location string = resourceGroup().location

@description('Lowercase prefix of the resource names, e.g. danvan-haian (letters, digits, hyphens).')
@minLength(3)
@maxLength(20)
param namePrefix string = 'danvan'

@description('Suffix that makes the global names (storage, app host name) unique. Default: stable per resource group.')
@minLength(4)
@maxLength(13)
param nameSuffix string = uniqueString(subscription().subscriptionId, resourceGroup().id)

@description('Tags for every resource.')
param tags object = {
  application: 'DanVan365'
}

@description('Entra ID tenant that holds the Microsoft 365 data (default: the tenant of this subscription).')
@minLength(36)
@maxLength(36)
param m365TenantId string = tenant().tenantId

@description('The wards this app serves (at least one), each with its own site, group, mailbox, plan and, with several, unit directory.')
@minLength(1)
param wards ward[]

@description('Functions runtime stack. Flex Consumption: dotnet-isolated for .NET.')
@allowed([
  'dotnet-isolated'
])
param runtimeName string = 'dotnet-isolated'

@description('Runtime version: 10.0 for .NET 10 (offered on Flex Consumption).')
@allowed([
  '8.0'
  '9.0'
  '10.0'
])
param runtimeVersion string = '10.0'

@description('Memory of one instance in MB (Flex Consumption sizes).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

// One budget across instances (docs/architecture.md "Resilience"). Flex Consumption scales each function on its own
// instances, except that the HTTP functions scale together as one group, and maximumInstanceCount bounds the on-demand
// instances of each such group, not of the app (https://learn.microsoft.com/azure/azure-functions/event-driven-scaling
// "Limit scale-out" and "Per-function scaling"; lowest value 1). So at most this many instances run ward jobs (the
// queue-triggered RunWardJob) and as many serve the HTTP API; the timers only enqueue. modules/functionapp.bicep turns it
// into each instance's share of the budget (M365__InstanceCount) and into the queue trigger's concurrency per instance.
@description('Most instances of each scale group (the ward-jobs queue function; the HTTP functions). Sets how many share the Graph budget.')
@minValue(1)
@maxValue(20)
param maximumInstanceCount int = 1

@description('SharePoint resource units the app may spend per minute in the tenant, all instances together (its licence-based figure).')
@minValue(10)
@maxValue(1000000)
param resourceUnitsPerMinute int = 1250

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Client id (GUID) of the API app registration (register-api.sh). Required: no deployment without authentication.')
@minLength(36)
@maxLength(36)
param apiClientId string

@description('Minutes a ward job may wait in the ward-jobs queue before the queue-age alert fires (docs/runbooks.md).')
@minValue(5)
@maxValue(1440)
param alertQueueAgeMinutes int = 30

@description('Hours without any ward job run before the idle alert fires; the timers enqueue every hour (docs/runbooks.md).')
@minValue(2)
@maxValue(48)
param alertIdleHours int = 3

@description('E-mail addresses told by every alert (poison queue, function failures, queue age, idle queue).')
@minLength(1)
param alertEmails string[]

var prefix = toLower(namePrefix)
var compactPrefix = replace(prefix, '-', '')
var suffix = toLower(nameSuffix)

var names = {
  identity: 'id-${prefix}-${suffix}'
  workspace: 'log-${prefix}-${suffix}'
  appInsights: 'appi-${prefix}-${suffix}'
  storage: take('st${compactPrefix}${suffix}', 24)
  alerts: 'alert-${prefix}-${suffix}'
  plan: 'plan-${prefix}-${suffix}'
  functionApp: 'func-${prefix}-${suffix}'
  vault: take('kv${compactPrefix}${suffix}', 24)
}

var deploymentContainerName = 'app-package'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    publisherPrincipalId: identity.outputs.principalId
    identityName: names.identity
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    appPrincipalId: identity.outputs.principalId
    identityName: names.identity
    workspaceId: monitoring.outputs.workspaceId
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'vault'
  params: {
    name: names.vault
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    identityName: names.identity
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: names.alerts
    location: location
    tags: tags
    workspaceId: monitoring.outputs.workspaceId
    storageAccountName: storage.outputs.name
    poisonQueueName: storage.outputs.queueNames[1]
    queueAgeMinutes: alertQueueAgeMinutes
    idleHours: alertIdleHours
    emails: alertEmails
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    runtimeName: runtimeName
    runtimeVersion: runtimeVersion
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    resourceUnitsPerMinute: resourceUnitsPerMinute
    m365TenantId: m365TenantId
    wards: wards
    apiClientId: apiClientId
    sealKeyReference: vault.outputs.sealKeyReference
  }
}

@description('Name of the Function App (for az functionapp deployment / func azure functionapp publish).')
output functionAppName string = functionApp.outputs.name

@description('Name of the Key Vault that holds the seal key (create secret "seal-key" once: infra/README.md).')
output vaultName string = vault.outputs.name

@description('The app\'s URL.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Default host name of the app.')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('Object (principal) id of the managed identity: grant-graph-permissions.sh grants Graph to it.')
output identityPrincipalId string = identity.outputs.principalId

@description('Client id of the managed identity (M365__ClientId, AzureWebJobsStorage__clientId).')
output identityClientId string = identity.outputs.clientId

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Names of the ward queues (fan-out, poison).')
output queueNames string[] = storage.outputs.queueNames

@description('Name of the alert rule that watches the poison queue.')
output poisonAlertName string = alerts.outputs.ruleName

@description('Names of every alert rule (docs/runbooks.md has one runbook each).')
output alertNames string[] = alerts.outputs.ruleNames

@description('Names of the app settings set on the Function App.')
output appSettingNames string[] = functionApp.outputs.appSettingNames
