namespace CertGrid.Abstractions.Hosting;

/// <summary>Answers if the cluster can run a grain; readiness probes call it. Key: 0.</summary>
public interface IClusterHealthGrain : IGrainWithIntegerKey
{
    Task<string> PingAsync();
}
