using CertGrid.Domain.Analytics;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Analytics;

[GenerateSerializer, Alias("certgrid.state.program-analytics")]
public sealed class ProgramAnalyticsState : DurableState
{
    [Id(0)] public PeriodAnalytics Period { get; set; } = new();
}
