// Alert: a message reached the ward-jobs-poison queue, i.e. one ward's job failed 5 times in a row (host.json
// maxDequeueCount) and will not be retried. Someone has to look at it: the e-mail names the rule; the query shows
// when and how many, Application Insights has the failures.
//
// Why a log alert and not a metric alert: the storage metric QueueMessageCount is per account, with no queue
// dimension, so it cannot tell ward-jobs (normally busy) from ward-jobs-poison. The queue service's StorageWrite
// logs (diagnostic setting in storage.bicep) name the queue of every PutMessage.

@description('Name of the scheduled query rule.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Resource id of the Log Analytics workspace that receives the queue logs.')
param workspaceId string

@description('Name of the storage account whose poison queue is watched.')
param storageAccountName string

@description('Name of the poison queue.')
param poisonQueueName string

@description('Who is told (e-mail addresses).')
@minLength(1)
param emails string[]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${name}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'DanVan365'
    enabled: true
    emailReceivers: [
      for (email, i) in emails: {
        name: 'email-${i}'
        emailAddress: email
        useCommonAlertSchema: true
      }
    ]
  }
}

resource poisonAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    displayName: 'DanVan365: ward job in ${poisonQueueName}'
    description: 'A ward job failed 5 times and went to ${poisonQueueName}: see Application Insights, fix, POST /api/dispatch/{job}.'
    severity: 2
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: join([
            'StorageQueueLogs'
            '| where AccountName == "${storageAccountName}" and OperationName == "PutMessage"'
            '| where ObjectKey contains "/${poisonQueueName}"'
          ], ' ')
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

@description('Name of the poison-queue alert rule.')
output ruleName string = poisonAlert.name
