// Key Vault for CertGrid's credential-signing keys (stored there in a later step). Access is
// Azure RBAC only (no access policies); the app's managed identity is 'Key Vault Secrets Officer'
// so it can create, rotate and read the key material it keeps as secrets.

@description('Name of the vault (3-24 letters, digits and hyphens, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags { *: string }

@description('Name of the user-assigned managed identity (same resource group) the app runs as; it is granted Key Vault Secrets Officer.')
param identityName string

@description('Turn on purge protection. Recommended for production (signing keys cannot then be destroyed early), but it is irreversible and keeps the vault name taken for the retention period after `azd down`.')
param enablePurgeProtection bool = false

var secretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Key Vault rejects an explicit false here; leaving the property out means "off".
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, secretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('URI of the vault, e.g. https://<name>.vault.azure.net/.')
output uri string = vault.properties.vaultUri
