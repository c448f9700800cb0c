using CertGrid.Abstractions.Consents.PublicLinks;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Consents.PublicLinks;

[GenerateSerializer, Alias("certgrid.state.public-link")]
public sealed class PublicLinkState : DurableState
{
    [Id(0)] public PublicLinkTarget? Target { get; set; }

    [Id(1)] public bool Closed { get; set; }
}
