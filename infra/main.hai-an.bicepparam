// Parameters for phường Hải An (Hải Phòng): one Function App serving one ward.
//
// Tenant-specific values are not kept in the repository; they are read from the environment at deploy time
// and the deployment fails if one is missing:
//   DANVAN_SHAREPOINT_HOST   the tenant's SharePoint host, e.g. contoso.sharepoint.com
//   DANVAN_HAIAN_GROUP_ID    object id of the ward's Microsoft 365 group (owner of the Team and the plan)
//   DANVAN_HAIAN_MAILBOX     the ward mailbox the reminders are sent from, e.g. danvan.haian@contoso.vn
// Optional:
//   DANVAN_API_CLIENT_ID     client id of the app registration protecting the HTTP functions (see README)
// Example:
//   DANVAN_SHAREPOINT_HOST=contoso.sharepoint.com DANVAN_HAIAN_GROUP_ID=<guid> DANVAN_HAIAN_MAILBOX=danvan.haian@contoso.vn \
//     az deployment group create -g rg-danvan-haian -f infra/main.bicep -p infra/main.hai-an.bicepparam

using './main.bicep'

param location = 'southeastasia'

// Names: func-danvan-haian-<suffix>, stdanvanhaian<suffix>, kv-danvanha-<suffix>, ...; the suffix is
// uniqueString(subscription, resource group), so a re-deploy to the same group keeps the names.
param namePrefix = 'danvan-haian'

param tags = {
  application: 'DanVan365'
  ward: 'hai-an'
  decision: 'QD-673-2026'
}

param wards = [
  {
    code: 'hai-an'
    name: 'Phường Hải An'
    siteUrl: 'https://${readEnvironmentVariable('DANVAN_SHAREPOINT_HOST')}/sites/phuong-hai-an'
    groupId: readEnvironmentVariable('DANVAN_HAIAN_GROUP_ID')
    senderMailbox: readEnvironmentVariable('DANVAN_HAIAN_MAILBOX')
  }
]

param wardQueueName = 'ward-jobs'

param runtimeName = 'dotnet-isolated'

param runtimeVersion = '10.0'

param instanceMemoryMB = 2048

param maximumInstanceCount = 40

param apiClientId = readEnvironmentVariable('DANVAN_API_CLIENT_ID', '')
