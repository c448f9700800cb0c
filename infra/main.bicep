// CertGrid on Azure Container Apps, provisioned by `azd up` / `azd provision`.
// One resource group per azd environment, holding: a Log Analytics workspace and a Container Apps
// environment, one user-assigned managed identity, a storage account (tables + blobs), Azure
// Managed Redis, a container registry, a Key Vault and the CertGrid container app. The app
// reaches every service with the managed identity: no secrets, keys or connection strings.
targetScope = 'subscription'

@description('Name of the azd environment (AZURE_ENV_NAME). Names the resource group, seeds unique resource names and is the Orleans cluster ID.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region for all resources (AZURE_LOCATION). It must offer Container Apps workload profiles and Azure Managed Redis.')
@minLength(1)
param location string

@description('SHA-256 hex (64 characters) of the platform operator key. A hash, not a secret. Compute it with: printf %s "$KEY" | sha256sum | cut -d" " -f1 and store it with: azd env set CERTGRID_OPERATOR_KEY_HASH <hash>.')
@minLength(64)
@maxLength(64)
param operatorKeyHash string

// Two is the floor for production: with one silo every restart, revision rollout or platform move
// is a full outage, and grains have no other silo to be re-activated on meanwhile.
@description('Minimum number of CertGrid replicas (each one an Orleans silo plus the API). Default 2, so one silo can go down without an outage.')
@minValue(1)
@maxValue(300)
param minReplicas int = 2

@description('Maximum number of CertGrid replicas.')
@minValue(1)
@maxValue(300)
param maxReplicas int = 10

@description('Concurrent HTTP requests per replica above which another replica is added.')
@minValue(1)
param httpConcurrentRequests int = 50

@description('Azure Managed Redis SKU, e.g. Balanced_B0 (smallest) or Balanced_B1.')
param redisSkuName string = 'Balanced_B0'

@description('Storage account replication, e.g. Standard_LRS (test) or Standard_ZRS (production).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Turn on Key Vault purge protection (irreversible; recommended for production).')
param keyVaultPurgeProtection bool = false

@description('Whether the certgrid container app already exists. azd sets SERVICE_CERTGRID_RESOURCE_EXISTS; when true the running image is kept instead of the placeholder.')
param certgridExists bool = false

// Until `azd deploy` pushes the real image (right after provisioning, in `azd up`), the app runs
// this public placeholder. It does not answer the /health probes, so that first revision shows as
// unhealthy for the minute or so until azd deploy replaces it.
var placeholderImage = 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'
var serviceName = 'certgrid'
var tags = {
  'azd-env-name': environmentName
}
// Short, stable, unique per subscription + environment + region; keeps global names unique.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

// Every name is computed here, from parameters only, and handed to the modules. Modules look
// other resources up by these names (not by other modules' outputs), so resource names and
// role-assignment IDs are known before deployment and `azd provision --preview` (what-if) can
// predict them; the dependsOn lines below give the order that output references would give.
var names = {
  resourceGroup: 'rg-${environmentName}'
  identity: 'id-certgrid-${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  containerAppsEnvironment: 'cae-${resourceToken}'
  storage: 'st${resourceToken}'
  redis: 'redis-${resourceToken}'
  registry: 'cr${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  app: 'ca-certgrid-${resourceToken}'
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module logAnalytics 'modules/log-analytics.bicep' = {
  scope: rg
  params: {
    name: names.logAnalytics
    location: location
    tags: tags
  }
}

module containerAppsEnvironment 'modules/container-apps-environment.bicep' = {
  scope: rg
  params: {
    name: names.containerAppsEnvironment
    location: location
    tags: tags
    logAnalyticsWorkspaceName: names.logAnalytics
  }
  dependsOn: [logAnalytics]
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSkuName
    identityName: names.identity
  }
  dependsOn: [identity]
}

module redis 'modules/redis.bicep' = {
  scope: rg
  params: {
    name: names.redis
    location: location
    tags: tags
    skuName: redisSkuName
    identityName: names.identity
  }
  dependsOn: [identity]
}

module registry 'modules/container-registry.bicep' = {
  scope: rg
  params: {
    name: names.registry
    location: location
    tags: tags
    identityName: names.identity
  }
  dependsOn: [identity]
}

module keyVault 'modules/key-vault.bicep' = {
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    identityName: names.identity
    enablePurgeProtection: keyVaultPurgeProtection
  }
  dependsOn: [identity]
}

// Re-provisioning must not roll the app back to the placeholder: read the image it runs now.
module existingImage 'modules/fetch-container-image.bicep' = if (certgridExists) {
  scope: rg
  params: {
    name: names.app
  }
}

// The app starts only after every module above has finished, role assignments included, so the
// first replicas already have their data-plane permissions (AcrPull in particular).
module app 'modules/container-app.bicep' = {
  scope: rg
  params: {
    name: names.app
    location: location
    tags: tags
    serviceName: serviceName
    environmentName: names.containerAppsEnvironment
    identityName: names.identity
    registryLoginServer: registry.outputs.loginServer
    image: certgridExists ? existingImage!.outputs.image : placeholderImage
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    httpConcurrentRequests: httpConcurrentRequests
    clusterId: environmentName
    storageTableEndpoint: storage.outputs.tableEndpoint
    storageBlobEndpoint: storage.outputs.blobEndpoint
    redisHostName: redis.outputs.hostName
    redisPort: redis.outputs.port
    keyVaultUri: keyVault.outputs.uri
    operatorKeyHash: operatorKeyHash
  }
  dependsOn: [containerAppsEnvironment, identity]
}

// Outputs become azd environment values (.azure/<env>/.env).
@description('Region the resources are in.')
output AZURE_LOCATION string = location

@description('Tenant of the subscription.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding everything.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Registry azd pushes the image to.')
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer

@description('Name of the container registry.')
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name

@description('Name of the Container Apps environment.')
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = containerAppsEnvironment.outputs.name

@description('Client ID of the managed identity the app runs as.')
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId

@description('Name of the certgrid container app.')
output SERVICE_CERTGRID_NAME string = app.outputs.name

@description('Public URL of CertGrid.')
output SERVICE_CERTGRID_ENDPOINT_URL string = app.outputs.uri

@description('Name of the storage account.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Table endpoint of the storage account.')
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint

@description('Blob endpoint of the storage account.')
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Name of the Azure Managed Redis cluster.')
output AZURE_REDIS_NAME string = redis.outputs.name

@description('Redis endpoint (host:port) the app connects to.')
output AZURE_REDIS_ENDPOINT string = '${redis.outputs.hostName}:${redis.outputs.port}'

@description('Name of the Key Vault.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('URI of the Key Vault.')
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
