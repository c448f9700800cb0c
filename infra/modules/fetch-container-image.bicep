// Reads the image the container app runs now. main.bicep calls this only when the app already
// exists (azd sets SERVICE_CERTGRID_RESOURCE_EXISTS), so that `azd provision` keeps the image
// that `azd deploy` last rolled out instead of resetting the app to the placeholder image.

@description('Name of the existing container app.')
param name string

resource app 'Microsoft.App/containerApps@2025-07-01' existing = {
  name: name
}

@description('Image of the app\'s first container.')
output image string = app.properties.template.containers[0].image
