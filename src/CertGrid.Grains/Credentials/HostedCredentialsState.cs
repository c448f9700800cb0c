using CertGrid.Abstractions.Credentials;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Credentials;

[GenerateSerializer, Alias("certgrid.state.hosted-credentials")]
public sealed class HostedCredentialsState : DurableState
{
    [Id(0)] public List<HostedCredential> Credentials { get; set; } = [];
}
