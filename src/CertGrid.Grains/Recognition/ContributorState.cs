using CertGrid.Abstractions.Recognition;
using CertGrid.Domain.Recognition;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Recognition;

[GenerateSerializer, Alias("certgrid.state.contributor")]
public sealed class ContributorState : DurableState
{
    [Id(0)] public Dictionary<ContributionKind, int> Counts { get; set; } = [];

    /// <summary>The latest contribution ids per kind, so a repeated report counts once (the newest <see cref="ContributorGrain.RememberedIds"/>).</summary>
    [Id(1)] public Dictionary<ContributionKind, List<string>> RecentIds { get; set; } = [];

    [Id(2)] public List<AwardedBadge> Badges { get; set; } = [];
}
