using CertGrid.Domain.Quality;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Analytics;

[GenerateSerializer, Alias("certgrid.state.quality-board")]
public sealed class QualityBoardState : DurableState
{
    [Id(0)] public Dictionary<string, QualityFlagResolution> Latest { get; set; } = [];
}
