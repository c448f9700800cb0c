// A Container Apps managed environment in its own subnet, sending logs to the Log Analytics
// workspace: a workload-profiles environment with only the serverless Consumption profile. CertGrid
// has two (main.bicep): the internal silo environment, whose private static IP every silo
// advertises (with its own port pair), and the external gateway environment for the public API.

@description('Name of the managed environment.')
param name string

@description('Azure region of the environment.')
param location string

@description('Tags applied to the environment.')
param tags { *: string }

@description('Resource ID of the subnet (delegated to Microsoft.App/environments) the environment runs in.')
param subnetId string

@description('Internal: no public endpoint, the static IP is private to the virtual network (silos). External: public ingress (gateways).')
param internal bool

@description('Name of the existing Log Analytics workspace (same resource group) that receives the logs.')
param logAnalyticsWorkspaceName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        // The workspace key is read here, inside ARM, and never leaves the deployment:
        // it is not a module parameter or output and the app never sees it.
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    vnetConfiguration: {
      infrastructureSubnetId: subnetId
      internal: internal
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    zoneRedundant: false
  }
}

@description('Resource ID of the environment.')
output id string = environment.id

@description('Name of the environment.')
output name string = environment.name

@description('Static IP of the environment: private for an internal one. Each silo advertises it with its own exposed port pair.')
output staticIp string = environment.properties.staticIp

@description('Default domain of the environment; an app with external ingress is reachable at https://<app name>.<default domain>.')
output defaultDomain string = environment.properties.defaultDomain
