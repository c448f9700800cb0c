using CertGrid.Abstractions.Persistence;
using Microsoft.Extensions.Hosting;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Watches the cluster's membership on each silo; when another silo is declared dead (killed, or shut down), asks the
/// sweeper of every community this silo marked grains in lately to sweep at once
/// (<see cref="IEffectSweeperGrain.SweepAfterSiloLossAsync"/>). Without it, what the lost silo's grains left undone waits
/// for the community's next sweep tick (up to <see cref="EffectSweeperGrain.SweepPeriod"/>), and an effect whose receiver
/// was on the lost silo waits out a backoff that grew while the silo was being declared dead (to 30 s and more). A
/// community only the lost silo marked grains in keeps the regular tick.
/// </summary>
public sealed class SiloLossSweeps(IClusterMembershipService membership, ILocalSiloDetails self, EffectMarkers markers, IGrainFactory grains,
    ILogger<SiloLossSweeps> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                // An exception out of a background service would stop the host; meanwhile the regular tick still sweeps.
                logger.LogWarning(ex, "Watching the cluster's membership for lost silos failed; watching again in 5 s");
            }

            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        ClusterMembershipSnapshot? previous = null;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            // The first snapshot lists silos that died before this one watched: they are no news to this silo.
            foreach (var lost in previous is null ? [] : LostSince(previous, snapshot))
            {
                SweepAfterLoss(lost);
            }

            previous = snapshot;
        }
    }

    private IEnumerable<SiloAddress> LostSince(ClusterMembershipSnapshot previous, ClusterMembershipSnapshot snapshot) =>
        snapshot.CreateUpdate(previous).Changes
            .Where(m => m.Status == SiloStatus.Dead && previous.GetSiloStatus(m.SiloAddress) != SiloStatus.Dead && !m.SiloAddress.Equals(self.SiloAddress))
            .Select(m => m.SiloAddress);

    private void SweepAfterLoss(SiloAddress lost)
    {
        var communities = markers.CommunitiesMarkedSince(TimeProvider.System.GetUtcNow() - EffectMarkers.ArmedFor);
        logger.LogInformation("Silo {Silo} left the cluster; sweeping the pending effects of {Count} communities now", lost, communities.Count);
        var silo = lost.ToParsableString();
        foreach (var community in communities)
        {
            _ = AskAsync(community, silo);
        }
    }

    private async Task AskAsync(string community, string lost)
    {
        try
        {
            await grains.GetGrain<IEffectSweeperGrain>(community).SweepAfterSiloLossAsync(lost);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Asking the effect sweeper of {Community} to sweep after the loss of {Silo} failed; its next tick sweeps", community, lost);
        }
    }
}
