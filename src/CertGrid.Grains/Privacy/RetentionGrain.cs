using Azure.Data.Tables;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Privacy;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Privacy;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Scheduling;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Privacy;

/// <summary>
/// A community's retention policy. While one is set, a single entry in the community's deadline bucket (one reminder per
/// busy community, never one per learner) wakes this grain once a day; the sweep asks the learners read model (partition =
/// the community) for learners whose last activity is older than the policy allows, at most <see cref="BatchSize"/> at a
/// time, and erases each through its own grain, which checks its own record first (a learner active since the row was
/// written is left alone). A failed sweep leaves the deadline in place and the bucket dispatches it again.
/// </summary>
public sealed class RetentionGrain(
    [PersistentState("retention", StorageNames.GrainStore)] IPersistentState<RetentionState> state,
    StorageClients storage)
    : DurableGrain<RetentionState>(state), IRetentionGrain
{
    /// <summary>Who erases learners the policy found inactive, in the audit chain.</summary>
    public const string Actor = "system:retention";

    public const int BatchSize = 200;

    private const string SweepToken = "sweep";

    private static readonly TimeSpan SweepPeriod = TimeSpan.FromDays(1);

    /// <summary>When more inactive learners wait than one batch erases, the next batch follows this soon.</summary>
    private static readonly TimeSpan NextBatchAfter = TimeSpan.FromMinutes(1);

    protected override string Community => this.GetPrimaryKeyString();

    public async Task<RetentionSettings> SetPolicyAsync(RetentionPolicy? policy, string actor)
    {
        if (RecordExists && State.Policy == policy)
        {
            return View();
        }

        State.Policy = policy;
        State.ChangedAt = Now;
        State.NextSweepAt = policy is null ? null : Now;
        Cause(BucketEntry());
        await SaveAsync(AuditEvent(actor, policy is null ? "retention.policy-removed" : "retention.policy-set", Community, new { inactiveYears = policy?.InactiveYears }));
        return View();
    }

    public Task<RetentionSettings> GetAsync() => Task.FromResult(View());

    public async Task<RetentionSweepReport> SweepAsync()
    {
        if (State.Policy is not { } policy)
        {
            return new RetentionSweepReport(Now, 0, false);
        }

        var inactiveBefore = policy.InactiveBefore(Now);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Community} and LastActiveAt lt {inactiveBefore}");
        var candidates = new List<string>();
        await foreach (var row in storage.Table(storage.Names.LearnersTable).QueryAsync<LearnerRow>(filter, maxPerPage: BatchSize + 1, select: [nameof(LearnerRow.RowKey)]))
        {
            candidates.Add(row.RowKey);
            if (candidates.Count > BatchSize)
            {
                break;
            }
        }

        var erased = 0;
        foreach (var learnerId in candidates.Take(BatchSize))
        {
            if (await GrainFactory.Learner(Community, learnerId).EraseIfInactiveAsync(policy))
            {
                erased++;
            }
        }

        var more = candidates.Count > BatchSize;
        State.LastSweepAt = Now;
        State.ErasedTotal += erased;
        State.NextSweepAt = Now + (more ? NextBatchAfter : SweepPeriod);
        Cause(BucketEntry());
        await SaveAsync(erased == 0 ? [] : [AuditEvent(Actor, "retention.swept", Community, new { erased, inactiveBefore, policy.InactiveYears })]);
        return new RetentionSweepReport(State.LastSweepAt.Value, erased, more);
    }

    public async Task SweepDueAsync()
    {
        try
        {
            await SweepAsync();
        }
        catch (Exception ex)
        {
            // The bucket's entry stays due, so the sweep is dispatched again.
            Logger.LogWarning(ex, "The retention sweep of {Community} failed; the deadline bucket dispatches it again", Community);
        }
    }

    /// <summary>The community's one bucket entry for the next sweep, or its removal when no policy is set.</summary>
    private SyncDeadlines BucketEntry() => State.NextSweepAt is { } at
        ? new SyncDeadlines([new ScheduledDeadline(DeadlineKind.RetentionSweep, Community, SweepToken, at)], [])
        : new SyncDeadlines([], [new CancelledDeadline(DeadlineKind.RetentionSweep, Community, SweepToken)]);

    private RetentionSettings View() => new(State.Policy, State.ChangedAt, State.LastSweepAt, State.NextSweepAt, State.ErasedTotal);
}
