// What every CertGrid container shares, silo or gateway: the ports the process listens on inside
// its container, its health probes, and the grace period it gets to shut down. Imported by
// silo-app.bicep and gateway-app.bicep.

@export()
@description('HTTP port of the process (API, /health/live, /health/ready); ASPNETCORE_URLS listens on it.')
var httpPort = 8080

@export()
@description('Port the silo listens on inside its container; Container Apps maps the silo app\'s exposed port to it.')
var siloListeningPort = 11111

@export()
@description('Port the silo\'s client gateway listens on inside its container.')
var gatewayListeningPort = 30000

@export()
@description('Seconds Container Apps waits after SIGTERM before it kills a replica.')
var terminationGracePeriodSeconds = 60

@export()
@description('The host\'s shutdown timeout (Cluster__ShutdownTimeout): 10 s inside the grace period, so a silo hands its grains over and leaves the membership before it is killed.')
var shutdownTimeout = '00:00:50'

@description('A Container Apps health probe on the process\'s HTTP port.')
type probe = {
  type: 'Startup' | 'Liveness' | 'Readiness'
  httpGet: { path: string, port: int, scheme: 'HTTP' }
  periodSeconds: int
  timeoutSeconds: int
  failureThreshold: int
}

@export()
@description('Startup, liveness and readiness probes on the process\'s HTTP port. None for the placeholder image of the first revision, which serves no /health.')
func healthProbes(placeholder bool) probe[] => placeholder ? [] : [
  {
    // Joining the cluster can take a while on a cold start; liveness starts counting after this (up to 30 x 5 s).
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
    // Storage, Redis and this process's cluster membership, each checked within 2 s: fits the 3 s timeout.
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
