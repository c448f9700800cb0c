using System.Diagnostics.Metrics;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Meter <c>CertGrid.Effects</c>: <c>certgrid.effects.applied</c> and <c>certgrid.effects.failed</c> (attempts, tagged
/// with the effect's kind) and <c>certgrid.effects.stuck</c> (effects that reached
/// <see cref="EffectRunner.StuckAfterAttempts"/> failures).
/// </summary>
internal static class EffectMetrics
{
    public const string MeterName = "CertGrid.Effects";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> AppliedCount = Meter.CreateCounter<long>("certgrid.effects.applied", description: "Effects applied");
    private static readonly Counter<long> FailedCount = Meter.CreateCounter<long>("certgrid.effects.failed", description: "Failed attempts to apply an effect");
    private static readonly Counter<long> StuckCount = Meter.CreateCounter<long>("certgrid.effects.stuck", description: "Effects that failed repeatedly");

    public static void Applied(Effect effect) => AppliedCount.Add(1, new KeyValuePair<string, object?>("effect", effect.Kind));

    public static void Failed(Effect effect, bool stuck)
    {
        FailedCount.Add(1, new KeyValuePair<string, object?>("effect", effect.Kind));
        if (stuck)
        {
            StuckCount.Add(1, new KeyValuePair<string, object?>("effect", effect.Kind));
        }
    }
}
