// Azure Managed Redis (resource type Microsoft.Cache/redisEnterprise) holding what the API
// replicas share: rate-limit counters and the API-key cache. Authentication is Microsoft Entra ID
// only (access keys disabled); the app's managed identity gets the built-in 'default' data access
// policy through an access policy assignment.

@description('Name of the Azure Managed Redis cluster (1-60 letters, digits and hyphens).')
@minLength(1)
@maxLength(60)
param name string

@description('Azure region of the cluster.')
param location string

@description('Tags applied to the cluster.')
param tags { *: string }

@description('Azure Managed Redis SKU, e.g. Balanced_B0 (smallest), Balanced_B1, MemoryOptimized_M10.')
param skuName string = 'Balanced_B0'

@description('Name of the user-assigned managed identity (same resource group) the app runs as; it is granted data access.')
param identityName string

// The port Azure Managed Redis databases listen on (TLS).
var port = 10000

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource cluster 'Microsoft.Cache/redisEnterprise@2025-07-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: '1.2'
    // Container Apps on the Consumption profile reach Redis over its public endpoint; only
    // Entra ID tokens over TLS are accepted there.
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' = {
  parent: cluster
  // Azure Managed Redis has exactly one database and it must be called 'default'.
  name: 'default'
  properties: {
    accessKeysAuthentication: 'Disabled'
    clientProtocol: 'Encrypted'
    port: port
    // Enterprise clustering presents a single endpoint (host:10000), so the client needs no
    // cluster topology handling and multi-key scripts keep working.
    clusteringPolicy: 'EnterpriseCluster'
    // Counters and cache entries all carry TTLs; evict those first under memory pressure.
    evictionPolicy: 'VolatileLRU'
  }
}

resource appAccess 'Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments@2025-07-01' = {
  parent: database
  // Assignment names allow letters and digits only.
  name: 'certgridapp'
  properties: {
    accessPolicyName: 'default'
    user: {
      objectId: identity.properties.principalId
    }
  }
}

@description('Name of the cluster.')
output name string = cluster.name

@description('Host name of the cluster; the database listens on port 10000 with TLS.')
output hostName string = cluster.properties.hostName

@description('Port of the database.')
output port int = port
