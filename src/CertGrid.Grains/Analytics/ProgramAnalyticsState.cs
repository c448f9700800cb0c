using CertGrid.Domain.Analytics;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Analytics;

/// <summary>
/// The row of one community's month of analytics: the events counted since the tallies were last written whole
/// (<see cref="Unfolded"/>, a few dozen at most), so a counted event costs a small write, not the whole month's tallies.
/// </summary>
[GenerateSerializer, Alias("certgrid.state.program-analytics")]
public sealed class ProgramAnalyticsState : DurableState
{
    /// <summary>The tallies as rows held them before they moved to a blob; read once, emptied at the first fold.</summary>
    [Id(0)] public PeriodAnalytics Period { get; set; } = new();

    [Id(1)] public List<AnalyticsEvent> Unfolded { get; set; } = [];
}
