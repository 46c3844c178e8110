// The app's one identity: a user-assigned managed identity, used for host storage (AzureWebJobsStorage),
// the deployment container, Application Insights ingestion and Microsoft Graph.
// User-assigned (not system-assigned) so the Graph grants outlive a re-created Function App.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Object (principal) id: the service principal that gets the Azure roles and the Graph grants.')
output principalId string = identity.properties.principalId

@description('Client (application) id: M365__ClientId and AzureWebJobsStorage__clientId.')
output clientId string = identity.properties.clientId
