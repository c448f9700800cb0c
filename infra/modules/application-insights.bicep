// Application Insights (workspace-based) that receives CertGrid's OpenTelemetry traces and metrics
// through the Azure Monitor distro: every app gets its connection string as
// APPLICATIONINSIGHTS_CONNECTION_STRING (see docs/operations.md).

@description('Name of the Application Insights component.')
param name string

@description('Azure region of the component.')
param location string

@description('Tags applied to the component.')
param tags { *: string }

@description('Name of the existing Log Analytics workspace (same resource group) the telemetry is stored in.')
param logAnalyticsWorkspaceName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource component 'Microsoft.Insights/components@2020-02-02' = {
  name: name
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: false
  }
}

@description('Name of the component.')
output name string = component.name

@description('Connection string the Azure Monitor exporter reads from APPLICATIONINSIGHTS_CONNECTION_STRING. It identifies where to send telemetry; it is not a credential (ingestion is authorised separately when local auth is disabled).')
output connectionString string = component.properties.ConnectionString
