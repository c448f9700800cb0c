using CertGrid.Abstractions.Calibration;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Calibration;

/// <summary>
/// How effects reach a community's calibration: the decisions this silo sends while a call is in flight go out together
/// in the next (<see cref="CallBatches{TItem}"/>), so under load the calibration grain stores many in one write.
/// </summary>
public sealed class CalibrationRecorder(IGrainFactory grains)
{
    private readonly CallBatches<DecidedAttemptReviews> _batches = new(
        (community, decisions) => grains.GetGrain<ICalibrationGrain>(community).RecordDecisionsAsync(decisions), CalibrationGrain.FoldEvery, isRefusal: ex => ex is CertGridException);

    public Task RecordDecisionAsync(string community, DecidedAttemptReviews decision) => _batches.SendAsync(community, decision);
}
