// The virtual network both Container Apps environments live in: one subnet for the silo
// environment (internal: its static IP is private, so Orleans ports never reach the internet) and
// one for the gateway environment (external: the public API). Being in one network is what lets a
// gateway replica open Orleans connections to the address every silo advertises.

@description('Name of the virtual network.')
param name string

@description('Azure region of the network.')
param location string

@description('Tags applied to the network.')
param tags { *: string }

// A workload-profiles environment needs a subnet of its own, /27 at least, delegated to
// Microsoft.App/environments; /24 leaves room for replicas and platform addresses.
resource network 'Microsoft.Network/virtualNetworks@2024-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.42.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'silos'
        properties: {
          addressPrefix: '10.42.0.0/24'
          delegations: [
            {
              name: 'containerapps'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'gateways'
        properties: {
          addressPrefix: '10.42.1.0/24'
          delegations: [
            {
              name: 'containerapps'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
    ]
  }
}

@description('Resource ID of the subnet the silo environment runs in.')
output siloSubnetId string = network.properties.subnets[0].id

@description('Resource ID of the subnet the gateway environment runs in.')
output gatewaySubnetId string = network.properties.subnets[1].id
