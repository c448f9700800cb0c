// Storage account for everything CertGrid persists: Orleans grain state, reminders and cluster
// membership plus read models (Azure Tables), and portfolio artifacts plus the shared
// data-protection key ring (Azure Blobs). Only Microsoft Entra ID is accepted: shared keys are
// disabled, so there is no account key or connection string to leak.

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string

@description('Tags applied to the account.')
param tags { *: string }

@description('Replication of the account, e.g. Standard_LRS for a test environment or Standard_ZRS for production.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'

@description('Name of the user-assigned managed identity (same resource group) the app runs as; it is granted data access.')
param identityName string

// Built-in role definition IDs (the same in every tenant).
var roles = {
  // Read and write grain state, reminders, membership and read-model tables.
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Read and write portfolio artifacts and the data-protection key ring.
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // The app hands out upload/download URLs signed with a *user delegation* SAS (there is no
  // account key to sign an ordinary SAS). Getting the user delegation key is the action
  // Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action, which Blob
  // Data Contributor already includes; Storage Blob Delegator grants it explicitly and at the
  // account scope, so signing keeps working if the data role is later narrowed to containers.
  blobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roles): {
    name: guid(account.id, identity.id, role.value)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

@description('Name of the storage account.')
output name string = account.name

@description('Table service endpoint, e.g. https://<account>.table.core.windows.net/.')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('Blob service endpoint, e.g. https://<account>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob
