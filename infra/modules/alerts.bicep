// Alerts, each e-mailing the action group, each with a runbook in docs/runbooks.md (what it means, where to look, the fix):
//
// 1. ward-jobs-poison: a message reached the poison queue, i.e. one ward's job failed 5 times in a row (host.json
//    maxDequeueCount) and will not be retried. A log alert, not a metric alert: the storage metric QueueMessageCount is per
//    account, hourly, with no queue dimension (https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/
//    microsoft-storage-storageaccounts-queueservices-metrics), so it cannot tell ward-jobs (normally busy) from
//    ward-jobs-poison. The queue service's StorageWrite logs (diagnostic setting in storage.bicep) name the queue of every
//    PutMessage.
// 2. function-failures: a function invocation failed (Application Insights requests with Success == false; requests are
//    never sampled, host.json excludedTypes). One failed attempt of a ward job is retried; the alert says it early.
// 3. ward-jobs-age: a ward job waited longer than queueAgeMinutes in ward-jobs before a run took it. Azure Monitor has no
//    queue-age metric for Storage (same page: QueueCapacity, QueueCount, QueueMessageCount only), so RunWardJob logs each
//    message's wait from its InsertionTime (event 5750, "ward-jobs wait=<s>s", Functions/Triggers/QueueWait.cs).
// 4. ward-jobs-idle: no RunWardJob ran for idleHours although the timers enqueue every ward's sync every hour: the queue
//    is not being drained at all (app stopped, trigger failing to start, identity lost its queue role).
@description('Prefix of the rule names, e.g. alert-danvan-haian-<suffix>; each rule appends what it watches.')
param namePrefix string

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

@description('Minutes a ward job may wait in ward-jobs before the age alert fires.')
@minValue(5)
@maxValue(1440)
param queueAgeMinutes int

@description('Hours without any RunWardJob run before the idle alert fires (the timers enqueue every hour).')
@minValue(2)
@maxValue(48)
param idleHours int

@description('Who is told (e-mail addresses).')
@minLength(1)
param emails string[]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${namePrefix}'
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

var rules = [
  {
    suffix: 'ward-jobs-poison'
    displayName: 'DanVan365: ward job in ${poisonQueueName}'
    description: 'A ward job failed 5 times and went to ${poisonQueueName}. Runbook: docs/runbooks.md#ward-jobs-poison.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT15M'
    query: join([
      'StorageQueueLogs'
      '| where AccountName == "${storageAccountName}" and OperationName == "PutMessage"'
      '| where ObjectKey contains "/${poisonQueueName}"'
    ], ' ')
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    suffix: 'function-failures'
    displayName: 'DanVan365: a function failed'
    description: 'A function invocation failed (a ward job is retried up to 5 times). Runbook: docs/runbooks.md#function-failures.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT15M'
    query: 'AppRequests | where Success == false'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    suffix: 'ward-jobs-age'
    displayName: 'DanVan365: ward jobs wait more than ${queueAgeMinutes} minutes'
    description: 'A ward job waited over ${queueAgeMinutes} min in ward-jobs. Runbook: docs/runbooks.md#ward-jobs-age.'
    severity: 3
    frequency: 'PT15M'
    window: 'PT15M'
    query: join([
      'AppTraces'
      '| where Message has "ward-jobs wait="'
      '| extend WaitSeconds = toint(extract("ward-jobs wait=([0-9]+)s", 1, Message))'
      '| where WaitSeconds > ${queueAgeMinutes * 60}'
    ], ' ')
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    suffix: 'ward-jobs-idle'
    displayName: 'DanVan365: no ward job ran for ${idleHours} hours'
    description: 'No RunWardJob for ${idleHours} h although timers enqueue hourly. Runbook: docs/runbooks.md#ward-jobs-idle.'
    severity: 2
    frequency: 'PT1H'
    window: 'PT${idleHours}H'
    query: 'AppRequests | where Name == "RunWardJob"'
    operator: 'LessThan'
    threshold: 1
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: '${namePrefix}-${rule.suffix}'
    location: location
    tags: tags
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        workspaceId
      ]
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: rule.operator
            threshold: rule.threshold
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
]

@description('Name of the poison-queue alert rule.')
output ruleName string = alertRules[0].name

@description('Names of every alert rule (poison, failures, queue age, idle).')
output ruleNames string[] = [for (rule, i) in rules: alertRules[i].name]
