// Log Analytics workspace + workspace-based Application Insights. Local (instrumentation key) auth is
// disabled: telemetry is accepted only with an Entra token, so the app's identity gets
// Monitoring Metrics Publisher on the component.

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Days the workspace keeps logs.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Principal id of the identity that sends telemetry.')
param publisherPrincipalId string

@description('Name of that identity: seeds the role assignment names, so they are known before deployment (what-if).')
param identityName string

var roleSeed = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)

// Built-in role: Monitoring Metrics Publisher.
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, roleSeed, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: publisherPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Application Insights connection string (not a secret: ingestion needs an Entra token).')
output connectionString string = appInsights.properties.ConnectionString

@description('Name of the Application Insights component.')
output appInsightsName string = appInsights.name

@description('Resource id of the Log Analytics workspace (queue logs, the poison alert).')
output workspaceId string = workspace.id
