using CertGrid.Abstractions.Identity;
using CertGrid.Domain.Identity;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Identity;

[GenerateSerializer, Alias("certgrid.state.identity-provider")]
public sealed class IdentityProviderState : DurableState
{
    [Id(0)] public IdentityProviderSettings? Settings { get; set; }
    [Id(1)] public Dictionary<string, MemberInvitation> Invitations { get; set; } = new(StringComparer.Ordinal);
}
