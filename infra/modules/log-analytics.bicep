// Log Analytics workspace that receives the container apps' console and system logs.

@description('Name of the Log Analytics workspace.')
param name string

@description('Azure region of the workspace.')
param location string

@description('Tags applied to the workspace.')
param tags { *: string }

@description('How many days logs are kept.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

@description('Resource ID of the workspace.')
output id string = workspace.id

@description('Name of the workspace.')
output name string = workspace.name
