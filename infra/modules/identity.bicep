// The one user-assigned managed identity CertGrid runs as. Every replica uses it (through
// DefaultAzureCredential and AZURE_CLIENT_ID) for storage, Redis, Key Vault and image pulls,
// so the deployment needs no secrets, keys or connection strings.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags { *: string }

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource ID of the identity, used to attach it to the container app.')
output id string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Object (principal) ID of the identity, used in role and access-policy assignments.')
output principalId string = identity.properties.principalId

@description('Client ID of the identity, given to the app so DefaultAzureCredential picks this identity.')
output clientId string = identity.properties.clientId
