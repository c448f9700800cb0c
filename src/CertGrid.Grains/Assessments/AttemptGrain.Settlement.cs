using CertGrid.Abstractions.Scheduling;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// Seats held for a submission whose write storage could neither confirm nor deny are not held for ever: a check is
/// scheduled in the community's deadline bucket, and at its time a fresh activation (the failed one was discarded) reads
/// whether the attempt exists and releases the panel and the learner's reservation if it does not.
/// </summary>
public sealed partial class AttemptGrain
{
    /// <summary>How long a possibly stored submission keeps its seats before storage is asked again.</summary>
    public static readonly TimeSpan UnconfirmedSubmissionCheck = TimeSpan.FromMinutes(15);

    public async Task SettleUnconfirmedSubmissionAsync(string learnerId)
    {
        if (!RecordExists)
        {
            await AttemptIntake.ReleaseAsync(GrainFactory, Key, learnerId);
            Logger.LogInformation("Attempt {Attempt} in {Community} was never stored; its panel and the learner's reservation were released", Key.Id, Community);
        }

        await Bucket.CancelAsync(DeadlineKind.UnconfirmedSubmission, Key.ToString(), learnerId);
    }

    /// <summary>Best effort: storage is failing right now, and the client's retry under its key settles the seats too.</summary>
    private async Task ScheduleSettlementAsync(string learnerId)
    {
        try
        {
            await Bucket.ScheduleAsync(new ScheduledDeadline(DeadlineKind.UnconfirmedSubmission, Key.ToString(), learnerId, Now + UnconfirmedSubmissionCheck));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Logger.LogError(ex, "The check of attempt {Attempt} in {Community} could not be scheduled; its seats stay held until the client retries", Key.Id, Community);
        }
    }

    private IDeadlineBucketGrain Bucket => GrainFactory.GetGrain<IDeadlineBucketGrain>(Community);
}
