// One Orleans silo: a Container App with exactly one replica in the internal silo environment, as
// in Microsoft's Orleans-on-Container-Apps pattern (dotnet/orleans samples/Deployment/AzureContainerApps).
// Replicas of one app have no documented address of their own, so each silo is its own app and
// advertises the environment's static IP with an exposed port pair no other silo uses; TCP ingress
// maps that pair to the ports the process listens on. The number of silo apps is main.bicep's
// siloCount, set by operators (azd env set CERTGRID_SILO_COUNT n; azd provision), never by traffic.
import { httpPort, siloListeningPort, gatewayListeningPort, terminationGracePeriodSeconds, shutdownTimeout, healthProbes } from 'certgrid-container.bicep'

@description('Name of the container app (2-32 lowercase letters, digits and hyphens).')
@minLength(2)
@maxLength(32)
param name string

@description('Azure region of the app.')
param location string

@description('Tags applied to the app.')
param tags { *: string }

@description('Name of the existing internal Container Apps environment of the silos (same resource group).')
param environmentName string

@description('Name of the user-assigned managed identity (same resource group) the app runs as.')
param identityName string

@description('Login server of the container registry the image is pulled from with the identity.')
param registryLoginServer string

@description('Container image to run.')
param image string

@description('Whether image is the placeholder of a first provisioning (it serves no health endpoints).')
param placeholder bool

@description('Settings every CertGrid process gets (storage, Redis, cluster id, telemetry, ...), as container env entries.')
param settings { name: string, value: string }[]

@description('Address this silo advertises in the membership table: the silo environment\'s static IP.')
param advertisedIPAddress string

@description('Environment-unique port other silos reach this silo at (mapped to the silo listening port).')
@minValue(1)
@maxValue(65535)
param advertisedSiloPort int

@description('Environment-unique port gateways (Orleans clients) reach this silo\'s client gateway at.')
@minValue(1)
@maxValue(65535)
param advertisedGatewayPort int

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' existing = {
  name: environmentName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: name
  location: location
  tags: union(tags, { 'certgrid-tier': 'silo' })
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
      // The environment is internal, so "external" TCP ingress is reachable inside the virtual
      // network only (the gateways), at <environment static IP>:<exposed port>.
      ingress: {
        external: true
        transport: 'tcp'
        targetPort: siloListeningPort
        exposedPort: advertisedSiloPort
        additionalPortMappings: [
          {
            external: true
            targetPort: gatewayListeningPort
            exposedPort: advertisedGatewayPort
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
      terminationGracePeriodSeconds: terminationGracePeriodSeconds
      containers: [
        {
          name: 'silo'
          image: image
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: concat(settings, [
            { name: 'ASPNETCORE_URLS', value: 'http://+:${httpPort}' }
            { name: 'Cluster__Role', value: 'Silo' }
            { name: 'Cluster__AdvertisedIPAddress', value: advertisedIPAddress }
            { name: 'Cluster__SiloPort', value: string(advertisedSiloPort) }
            { name: 'Cluster__GatewayPort', value: string(advertisedGatewayPort) }
            { name: 'Cluster__SiloListeningPort', value: string(siloListeningPort) }
            { name: 'Cluster__GatewayListeningPort', value: string(gatewayListeningPort) }
            { name: 'Cluster__ShutdownTimeout', value: shutdownTimeout }
          ])
          probes: healthProbes(placeholder)
        }
      ]
      // One replica, always: a second replica would advertise the same address and ports.
      scale: {
        minReplicas: 1
        maxReplicas: 1
      }
    }
  }
}

@description('Name of the container app.')
output name string = app.name
