using CertGrid.Abstractions.Privacy;
using Microsoft.Extensions.Hosting;

namespace CertGrid.Grains.Privacy;

/// <summary>
/// On each silo, once started: asks the platform's <see cref="IErasurePlanRolloutGrain"/> to roll the current erasure
/// plan out, and asks again every few minutes until it is done (the grain's timer goes with its activation, so a silo
/// lost midway leaves the walk to the next ask). Once the plan is rolled out this costs one call per silo start.
/// </summary>
public sealed class ErasurePlanRollouts(IGrainFactory grains, ILogger<ErasurePlanRollouts> logger) : BackgroundService
{
    private static readonly TimeSpan FirstAskAfter = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AskAgainAfter = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstAskAfter;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(wait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                if ((await grains.GetGrain<IErasurePlanRolloutGrain>(0).EnsureAsync()).Done)
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                // The silo may still be joining, or storage away: an exception out of a background service would stop the host.
                logger.LogWarning(ex, "Asking for the rollout of the current erasure plan failed; asking again in {Delay}", AskAgainAfter);
            }

            wait = AskAgainAfter;
        }
    }
}
