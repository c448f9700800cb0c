using CertGrid.Abstractions.Hosting;

namespace CertGrid.Grains.Hosting;

/// <summary>Answers readiness probes from whichever silo is nearest.</summary>
[StatelessWorker]
public sealed class ClusterHealthGrain : Grain, IClusterHealthGrain
{
    public Task<string> PingAsync() => Task.FromResult(this.RuntimeIdentity);
}
