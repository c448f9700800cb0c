// Container Apps managed environment, sending logs to the Log Analytics workspace.
// It is a workload-profiles environment with only the serverless Consumption profile: that is the
// environment kind in which replicas reach each other directly on their own IPs, which Orleans
// silos need (see container-app.bicep).

@description('Name of the managed environment.')
param name string

@description('Azure region of the environment.')
param location string

@description('Tags applied to the environment.')
param tags { *: string }

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

@description('Default domain of the environment; an app with external ingress is reachable at https://<app name>.<default domain>.')
output defaultDomain string = environment.properties.defaultDomain
