// The API tier: CertGrid processes with Cluster__Role=Gateway (GraphQL, public endpoints, the
// Orleans Dashboard) that reach the silos as Orleans clients. Stateless, so Container Apps scales
// them on HTTP concurrency; traffic swings add and remove gateways, never silos. This is the app
// azd deploys to (tag azd-service-name); azure.yaml's postdeploy hook then rolls the silo apps.
import { httpPort, terminationGracePeriodSeconds, shutdownTimeout, healthProbes } from 'certgrid-container.bicep'

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

@description('Name of the existing external Container Apps environment of the gateways (same resource group).')
param environmentName string

@description('Name of the user-assigned managed identity (same resource group) the app runs as.')
param identityName string

@description('Login server of the container registry the image is pulled from with the identity.')
param registryLoginServer string

@description('Container image to run. azd deploy replaces it with the image it builds and pushes.')
param image string

@description('Whether image is the placeholder of a first provisioning (it listens on port 80 and serves no health endpoints).')
param placeholder bool

@description('Settings every CertGrid process gets (storage, Redis, cluster id, telemetry, ...), as container env entries.')
param settings { name: string, value: string }[]

@description('Fewest gateway replicas, even with no traffic.')
@minValue(1)
@maxValue(300)
param minReplicas int

@description('Most gateway replicas the HTTP scale rule may add.')
@minValue(1)
@maxValue(300)
param maxReplicas int

@description('Concurrent HTTP requests per gateway replica above which Container Apps adds one.')
@minValue(1)
param httpConcurrentRequests int

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' existing = {
  name: environmentName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName, 'certgrid-tier': 'gateway' })
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
        // The placeholder image of the first revision listens on 80; CertGrid on httpPort.
        targetPort: placeholder ? 80 : httpPort
        transport: 'http'
        allowInsecure: false
      }
      registries: [
        {
          server: registryLoginServer
          identity: identity.id
        }
      ]
    }
    template: {
      terminationGracePeriodSeconds: terminationGracePeriodSeconds
      containers: [
        {
          name: serviceName
          image: image
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: concat(settings, [
            { name: 'ASPNETCORE_URLS', value: 'http://+:${httpPort}' }
            { name: 'Cluster__Role', value: 'Gateway' }
            { name: 'Cluster__ShutdownTimeout', value: shutdownTimeout }
          ])
          probes: healthProbes(placeholder)
        }
      ]
      scale: {
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
