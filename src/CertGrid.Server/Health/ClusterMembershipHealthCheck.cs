using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CertGrid.Server.Health;

/// <summary>
/// Ready when this process is part of the cluster: a silo that the membership table (as this silo last read it) lists
/// as active, or a gateway connected to at least one silo. Reads local state only: no grain call, no storage call.
/// </summary>
public sealed class ClusterMembershipHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IClusterMembershipService>() is { } membership && services.GetService<ILocalSiloDetails>() is { } self)
        {
            var snapshot = membership.CurrentSnapshot;
            var status = snapshot.GetSiloStatus(self.SiloAddress);
            var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            var description = $"silo {self.SiloAddress} is {status}; {active} active silo(s) in membership version {snapshot.Version}";
            return Task.FromResult(status == SiloStatus.Active ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
        }

        var gateways = services.GetRequiredService<GatewayConnection>().ConnectedGateways;
        return Task.FromResult(gateways > 0
            ? HealthCheckResult.Healthy($"connected to {gateways} silo gateway(s)")
            : HealthCheckResult.Unhealthy("connected to no silo gateway: the cluster is unreachable"));
    }
}
