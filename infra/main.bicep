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

// Silos are a tier of their own whose size operators set; gateways scale with traffic.
@description('Number of Orleans silos (one single-replica container app each). Operators change it with azd env set CERTGRID_SILO_COUNT n and azd provision. Two is the floor for production: with one silo every restart is an outage.')
@minValue(1)
@maxValue(50)
param siloCount int = 2

@description('First exposed silo port: silo i advertises siloPortBase + i on the silo environment\'s static IP.')
@minValue(1024)
@maxValue(65000)
param siloPortBase int = 11111

@description('First exposed client-gateway port: silo i advertises gatewayPortBase + i.')
@minValue(1024)
@maxValue(65000)
param gatewayPortBase int = 30000

@description('Fewest API gateway replicas (Orleans clients serving HTTP), even with no traffic.')
@minValue(1)
@maxValue(300)
param minGatewayReplicas int = 2

@description('Most API gateway replicas the HTTP scale rule may add.')
@minValue(1)
@maxValue(300)
param maxGatewayReplicas int = 10

@description('Concurrent HTTP requests per gateway replica above which another gateway replica is added.')
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

@description('Whether the certgrid (gateway) container app already exists. azd sets SERVICE_CERTGRID_RESOURCE_EXISTS; when true the image it runs is kept (and given to every silo) instead of the placeholder.')
param certgridExists bool = false

// Until `azd deploy` pushes the real image (right after provisioning, in `azd up`), the apps run
// this public placeholder. It listens on port 80 and serves no /health, so the first revision gets
// no probes and its ingress targets port 80 (see the app modules).
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
  network: 'vnet-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  containerAppsEnvironment: 'cae-${resourceToken}'
  siloEnvironment: 'cae-silos-${resourceToken}'
  storage: 'st${resourceToken}'
  redis: 'redis-${resourceToken}'
  registry: 'cr${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  app: 'ca-certgrid-${resourceToken}'
  siloAppPrefix: 'ca-silo-'
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

module network 'modules/network.bicep' = {
  scope: rg
  params: {
    name: names.network
    location: location
    tags: tags
  }
}

module applicationInsights 'modules/application-insights.bicep' = {
  scope: rg
  params: {
    name: names.applicationInsights
    location: location
    tags: tags
    logAnalyticsWorkspaceName: names.logAnalytics
  }
  dependsOn: [logAnalytics]
}

// The gateways' environment: external, the public API.
module containerAppsEnvironment 'modules/container-apps-environment.bicep' = {
  scope: rg
  params: {
    name: names.containerAppsEnvironment
    location: location
    tags: tags
    subnetId: network.outputs.gatewaySubnetId
    internal: false
    logAnalyticsWorkspaceName: names.logAnalytics
  }
  dependsOn: [logAnalytics]
}

// The silos' environment: internal, so the static IP the silos advertise is private to the network.
module siloEnvironment 'modules/container-apps-environment.bicep' = {
  scope: rg
  params: {
    name: names.siloEnvironment
    location: location
    tags: tags
    subnetId: network.outputs.siloSubnetId
    internal: true
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

// What every CertGrid process gets, silo or gateway. The app reaches every service with the
// managed identity: no keys. The public URL is the gateway app's, built from its environment's
// domain because an app's FQDN is only known once it exists.
var certgridSettings = [
  { name: 'Cluster__ClusterId', value: environmentName }
  { name: 'Cluster__ServiceId', value: 'certgrid' }
  { name: 'Storage__TableServiceUri', value: storage.outputs.tableEndpoint }
  { name: 'Storage__BlobServiceUri', value: storage.outputs.blobEndpoint }
  { name: 'Storage__ManagedIdentityClientId', value: identity.outputs.clientId }
  { name: 'AZURE_CLIENT_ID', value: identity.outputs.clientId }
  { name: 'Redis__Endpoint', value: '${redis.outputs.hostName}:${redis.outputs.port}' }
  { name: 'Redis__UseEntraId', value: 'true' }
  { name: 'Redis__ManagedIdentityClientId', value: identity.outputs.clientId }
  { name: 'PublicUrls__BaseUrl', value: 'https://${names.app}.${containerAppsEnvironment.outputs.defaultDomain}' }
  { name: 'Operator__KeyHash', value: operatorKeyHash }
  { name: 'CredentialKeys__KeyVaultUri', value: keyVault.outputs.uri }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsights.outputs.connectionString }
]
var image = certgridExists ? existingImage!.outputs.image : placeholderImage

// The apps start only after every module above has finished, role assignments included, so the
// first replicas already have their data-plane permissions (AcrPull in particular).
module silos 'modules/silo-app.bicep' = [
  for i in range(0, siloCount): {
    scope: rg
    name: 'silo-${i}'
    params: {
      name: '${names.siloAppPrefix}${i}-${resourceToken}'
      location: location
      tags: tags
      environmentName: names.siloEnvironment
      identityName: names.identity
      registryLoginServer: registry.outputs.loginServer
      image: image
      placeholder: !certgridExists
      settings: certgridSettings
      advertisedIPAddress: siloEnvironment.outputs.staticIp
      advertisedSiloPort: siloPortBase + i
      advertisedGatewayPort: gatewayPortBase + i
    }
  }
]

module app 'modules/gateway-app.bicep' = {
  scope: rg
  params: {
    name: names.app
    location: location
    tags: tags
    serviceName: serviceName
    environmentName: names.containerAppsEnvironment
    identityName: names.identity
    registryLoginServer: registry.outputs.loginServer
    image: image
    placeholder: !certgridExists
    settings: certgridSettings
    minReplicas: minGatewayReplicas
    maxReplicas: maxGatewayReplicas
    httpConcurrentRequests: httpConcurrentRequests
  }
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

@description('Public URL of CertGrid (the gateway app).')
output SERVICE_CERTGRID_ENDPOINT_URL string = 'https://${names.app}.${containerAppsEnvironment.outputs.defaultDomain}'

@description('Names of the silo container apps, in order; the postdeploy hook rolls them one at a time.')
output CERTGRID_SILO_APPS string[] = [for i in range(0, siloCount): silos[i].outputs.name]

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
