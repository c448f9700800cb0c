using CertGrid.Domain.Governance;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Governance;

[GenerateSerializer, Alias("certgrid.state.committee")]
public sealed class CommitteeState : DurableState
{
    /// <summary>Every term ever held, in the order appointed.</summary>
    [Id(0)] public List<CommitteeSeat> Seats { get; set; } = [];

    /// <summary>The identities of each seat's holder at appointment (seat id → person references).</summary>
    [Id(1)] public Dictionary<string, List<string>> Identities { get; set; } = [];
}
