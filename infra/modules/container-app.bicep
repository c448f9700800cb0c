// The CertGrid container app. Every replica runs the same process: an Orleans silo co-hosted with
// the GraphQL/HTTP API (Cluster__Role=silo). Replicas find each other through the Orleans
// membership table in Azure Tables and then talk to each other directly.

@description('Name of the container app (2-32 lowercase letters, digits and hyphens); also the first label of its public host name.')
@minLength(2)
@maxLength(32)
param name string

@description('Azure region of the app.')
param location string

@description('Tags applied to the app; the azd-service-name tag is added here.')
param tags { *: string }

@description('azd service name (azure.yaml); azd finds the app to deploy to by the azd-service-name tag.')
param serviceName string

@description('Name of the existing Container Apps managed environment (same resource group).')
param environmentName string

@description('Name of the user-assigned managed identity (same resource group) the app runs as.')
param identityName string

@description('Login server of the container registry the image is pulled from with the identity.')
param registryLoginServer string

@description('Container image to run. azd deploy replaces it with the image it builds and pushes.')
param image string

@description('Minimum number of replicas (Orleans silos). Keep at least 2 so one silo can restart or move without an outage.')
@minValue(1)
@maxValue(300)
param minReplicas int

@description('Maximum number of replicas.')
@minValue(1)
@maxValue(300)
param maxReplicas int

@description('Concurrent HTTP requests per replica above which Container Apps adds a replica.')
@minValue(1)
param httpConcurrentRequests int

@description('Orleans cluster ID; silos with the same cluster ID and service ID form one cluster.')
param clusterId string

@description('Table service endpoint of the storage account.')
param storageTableEndpoint string

@description('Blob service endpoint of the storage account.')
param storageBlobEndpoint string

@description('Host name of the Azure Managed Redis cluster.')
param redisHostName string

@description('Port of the Azure Managed Redis database.')
param redisPort int

@description('URI of the Key Vault that holds the credential-signing keys.')
param keyVaultUri string

@description('SHA-256 hex of the platform operator key (a hash, not the key).')
param operatorKeyHash string

// HTTP (GraphQL API, health checks) behind the environment's public ingress.
var httpPort = 8080
// Orleans silo-to-silo port and Orleans client gateway port.
var siloPort = 11111
var gatewayPort = 30000

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' existing = {
  name: environmentName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

// DefaultAzureCredential picks the user-assigned identity by its client ID.
var identityClientId = identity.properties.clientId

// The app's public host name is <app name>.<environment default domain>. It is built from the
// environment instead of read from the app, because the app's own FQDN is only known after the
// app exists and the app's configuration has to contain it.
var publicBaseUrl = 'https://${name}.${environment.properties.defaultDomain}'

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: httpPort
        transport: 'http'
        allowInsecure: false
        // Orleans silos open TCP connections directly to each other on the silo port (the
        // addresses come from the membership table), and Orleans clients use the gateway port.
        // Both are declared as extra TCP ports so they are open to the rest of the environment
        // (also through the app's internal name); external: false keeps them off the internet.
        additionalPortMappings: [
          {
            targetPort: siloPort
            exposedPort: siloPort
            external: false
          }
          {
            targetPort: gatewayPort
            exposedPort: gatewayPort
            external: false
          }
        ]
      }
      registries: [
        {
          server: registryLoginServer
          identity: identity.id
        }
      ]
    }
    template: {
      // Time for a silo to hand its grains over and leave the cluster before it is killed.
      terminationGracePeriodSeconds: 60
      containers: [
        {
          name: serviceName
          image: image
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: [
            { name: 'ASPNETCORE_URLS', value: 'http://+:${httpPort}' }
            { name: 'Cluster__Role', value: 'silo' }
            { name: 'Cluster__ClusterId', value: clusterId }
            { name: 'Cluster__ServiceId', value: 'certgrid' }
            { name: 'Cluster__SiloPort', value: string(siloPort) }
            { name: 'Cluster__GatewayPort', value: string(gatewayPort) }
            { name: 'Storage__TableServiceUri', value: storageTableEndpoint }
            { name: 'Storage__BlobServiceUri', value: storageBlobEndpoint }
            { name: 'Storage__ManagedIdentityClientId', value: identityClientId }
            { name: 'AZURE_CLIENT_ID', value: identityClientId }
            { name: 'Redis__Endpoint', value: '${redisHostName}:${redisPort}' }
            { name: 'Redis__UseEntraId', value: 'true' }
            { name: 'Redis__ManagedIdentityClientId', value: identityClientId }
            { name: 'PublicUrls__BaseUrl', value: publicBaseUrl }
            { name: 'Operator__KeyHash', value: operatorKeyHash }
            { name: 'CredentialKeys__KeyVaultUri', value: keyVaultUri }
          ]
          probes: [
            {
              // Joining the Orleans cluster can take a while on a cold start; liveness only
              // starts counting once this has passed (up to 30 x 5 s).
              type: 'Startup'
              httpGet: {
                path: '/health/live'
                port: httpPort
                scheme: 'HTTP'
              }
              periodSeconds: 5
              timeoutSeconds: 3
              failureThreshold: 30
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/health/live'
                port: httpPort
                scheme: 'HTTP'
              }
              periodSeconds: 10
              timeoutSeconds: 3
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health/ready'
                port: httpPort
                scheme: 'HTTP'
              }
              periodSeconds: 10
              timeoutSeconds: 3
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        // At least two silos: a single silo would make every restart, revision change or
        // platform move a full outage, and grains would have nowhere to go.
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(httpConcurrentRequests)
              }
            }
          }
        ]
      }
    }
  }
}

@description('Name of the container app.')
output name string = app.name

@description('Public HTTPS URL of the app.')
output uri string = publicBaseUrl
