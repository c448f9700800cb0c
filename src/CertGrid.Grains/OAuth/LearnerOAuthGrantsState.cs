using CertGrid.Abstractions.OAuth;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.OAuth;

[GenerateSerializer, Alias("certgrid.state.learner-oauth-grants")]
public sealed class LearnerOAuthGrantsState : DurableState
{
    [Id(0)] public List<ClientGrant> Grants { get; set; } = [];
}
