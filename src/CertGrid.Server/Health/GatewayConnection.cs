using Orleans;

namespace CertGrid.Server.Health;

/// <summary>
/// How many silo gateways this API-only process (<c>Cluster:Role=Gateway</c>) is connected to, as the Orleans client
/// reports it. The client only starts once it has reached a gateway, so it starts out connected.
/// </summary>
public sealed class GatewayConnection : IClusterConnectionStatusObserver
{
    private int _gateways = 1;

    public int ConnectedGateways => Volatile.Read(ref _gateways);

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        Volatile.Write(ref _gateways, currentNumberOfGateways);

    public void NotifyClusterConnectionLost() => Volatile.Write(ref _gateways, 0);
}
