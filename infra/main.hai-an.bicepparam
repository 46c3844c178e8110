// Parameters for phường Hải An (Hải Phòng): one Function App serving one ward.
//
// Tenant-specific values are not kept in the repository; they are read from the environment at deploy time
// and the deployment fails if one is missing:
//   DANVAN_SHAREPOINT_HOST   the tenant's SharePoint host, e.g. contoso.sharepoint.com
//   DANVAN_HAIAN_GROUP_ID    object id of the ward's Microsoft 365 group (owner of the Team and the plan)
//   DANVAN_HAIAN_MAILBOX     the ward mailbox the reminders are sent from, e.g. danvan.haian@contoso.vn
//   DANVAN_API_CLIENT_ID     client id of the API's app registration (infra/register-api.sh prints it)
//   DANVAN_ALERT_EMAIL       who is told when a ward job lands in ward-jobs-poison
// Optional:
//   DANVAN_HAIAN_UNITS_FILE  where the ward's unit directory is in the published app (default wards/hai-an/units.json;
//                            the administrator copies the ward's own file there before publishing, infra/README.md).
//                            The bundled Hải An directory has placeholder people: on a tenant the app refuses to start on it.
// Example:
//   DANVAN_SHAREPOINT_HOST=contoso.sharepoint.com DANVAN_HAIAN_GROUP_ID=<guid> DANVAN_HAIAN_MAILBOX=danvan.haian@contoso.vn \
//   DANVAN_API_CLIENT_ID=<guid> DANVAN_ALERT_EMAIL=it@contoso.vn \
//     az deployment group create -g rg-danvan-haian -f infra/main.bicep -p infra/main.hai-an.bicepparam

using './main.bicep'


param location = 'southeastasia'

// Names: func-danvan-haian-<suffix>, stdanvanhaian<suffix>, appi-danvan-haian-<suffix>, ...; the suffix is
// uniqueString(subscription, resource group), so a re-deploy to the same group keeps the names.
param namePrefix = 'danvan-haian'

param tags = {
  application: 'DanVan365'
  ward: 'hai-an'
  decision: 'QD-673-2026'
}

param wards = [
  {
    id: 'hai-an'
    name: 'Phường Hải An'
    planTitle: 'Dân vận 2026 – Phường Hải An'
    siteUrl: 'https://${readEnvironmentVariable('DANVAN_SHAREPOINT_HOST')}/sites/phuong-hai-an'
    groupId: readEnvironmentVariable('DANVAN_HAIAN_GROUP_ID')
    senderMailbox: readEnvironmentVariable('DANVAN_HAIAN_MAILBOX')
    unitsFile: readEnvironmentVariable('DANVAN_HAIAN_UNITS_FILE', 'wards/hai-an/units.json')
    // One file per year, in the published app; none: the bundled Hải An 2026 holidays (a year without a file counts
    // weekends only and is logged at start). E.g. ['wards/hai-an/holidays-2026.json', 'wards/hai-an/holidays-2027.json']
    holidayFiles: []
    // scoringFile: 'wards/hai-an/scoring.json'   // left out: the bundled scoring model (docs/scoring.md)
    // report: { signer: '…', signerCapacity: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], recipients: ['…'], filing: '…', place: '…' }
    //   left out: all from the decision
    yearEnd: {
      lastDay: '15/12'
      dataCutOff: '14/12'
    }
  }
]

param runtimeName = 'dotnet-isolated'

param runtimeVersion = '10.0'

param instanceMemoryMB = 2048

// One instance runs the ward jobs and one serves the API: each declares half of the tenant's budget (infra/README.md).
param maximumInstanceCount = 1

param resourceUnitsPerMinute = 1250

param apiClientId = readEnvironmentVariable('DANVAN_API_CLIENT_ID')

// Alerts (docs/runbooks.md): a ward job waiting over 30 minutes; no ward job for 3 hours.
param alertQueueAgeMinutes = 30

param alertIdleHours = 3

param alertEmails = [
  readEnvironmentVariable('DANVAN_ALERT_EMAIL')
]
