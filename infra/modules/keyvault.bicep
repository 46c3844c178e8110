// The seal key of DanVan365 (docs/architecture.md "Records people can trust"): a Key Vault with Azure RBAC, the app's
// identity may read its secrets (Key Vault Secrets User) and nothing else. The secret itself is never in this template
// or the repository: the administrator creates it once (infra/README.md, "The seal key"), and the Function App reads it
// through a Key Vault reference in Integrity__SealKey.
// Key Vault references in App Service / Functions:
// https://learn.microsoft.com/azure/app-service/app-service-key-vault-references
// (a user-assigned identity is named by the site's keyVaultReferenceIdentity; RBAC role "Key Vault Secrets User").

@description('Name of the vault (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Principal id of the app\'s identity.')
param appPrincipalId string

@description('Name of the app\'s user-assigned identity (seeds the role assignment\'s name, known before deployment).')
param identityName string

var roleSeed = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)

// Built-in role: Key Vault Secrets User (read secret contents).
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // A purged seal key would make every sealed value unprovable: purging is refused for the retention period.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, roleSeed, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('The Key Vault reference of the current seal key (secret "seal-key").')
output sealKeyReference string = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=seal-key)'
