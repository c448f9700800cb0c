using Azure.Data.Tables;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Privacy;
using CertGrid.Grains.Audit;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Privacy;

/// <summary>
/// Rolls a new erasure plan out to the learners erased before it: walks the communities directory a page at a time and,
/// in each community, the <c>learner.erased</c> entries of its audit log (the one record of who was erased; the
/// learners read model forgets them), asking each such learner to erase again, which completes what its tombstone's plan
/// lacked (<see cref="ErasurePlan.AddedSince"/>) and changes nothing for the others. One step per timer tick, its
/// progress stored after each, so a silo lost midway costs the step it was in; a failed step is tried again later.
/// Platform-wide, like an operator's job: it only reaches learners through their own grains, by their community's key.
/// </summary>
public sealed class ErasurePlanRolloutGrain(
    [PersistentState("erasure-plan-rollout", StorageNames.GrainStore)] IPersistentState<ErasurePlanRolloutState> state,
    StorageClients storage)
    : DurableGrain<ErasurePlanRolloutState>(state), IErasurePlanRolloutGrain
{
    /// <summary>Who completes the erasures, in each community's audit chain.</summary>
    public const string Actor = "system:erasure-plan-rollout";

    /// <summary>Erased learners asked at once in one step (one page of the audit table's answer).</summary>
    internal const int ErasuresPerStep = 50;

    private const int CommunitiesPerPage = PageRequest.MaxPageSize;

    /// <summary>Failed steps in a row (five minutes) after which a failure is logged as an error.</summary>
    private const int StuckAfterFailures = 10;

    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(30);

    private TimerSteps? _steps;
    private int _failures;

    protected override string Community => PlatformScope.Community;

    public async Task<ErasurePlanRollout> EnsureAsync()
    {
        if (State.RolledOutPlan >= ErasurePlan.Version)
        {
            return View();
        }

        if (State.Plan != ErasurePlan.Version)
        {
            State.Plan = ErasurePlan.Version;
            State.DirectoryCursor = null;
            State.DirectoryRead = false;
            State.Pending = [];
            State.AuditCursor = null;
            State.CommunitiesWalked = 0;
            State.ErasedLearnersChecked = 0;
            await SaveAsync();
            Logger.LogInformation("Rolling erasure plan {Plan} out to the learners erased before it", ErasurePlan.Version);
        }

        KeepWorking(TimeSpan.Zero);
        return View();
    }

    public Task<ErasurePlanRollout> GetAsync() => Task.FromResult(View());

    private void KeepWorking(TimeSpan after) => (_steps ??= new TimerSteps(this, StepAsync)).KeepWorking(after);

    /// <summary>Reads the next page of communities, or completes the next page of one community's erasures; returns when to step again (null: done).</summary>
    private async Task<TimeSpan?> StepAsync()
    {
        if (State.RolledOutPlan >= State.Plan)
        {
            return null;
        }

        try
        {
            if (State.Pending.Count > 0)
            {
                await CompleteNextErasuresAsync(State.Pending[0]);
            }
            else if (!State.DirectoryRead)
            {
                var page = await GrainFactory.GetGrain<ICommunityDirectoryGrain>(0).ListAsync(new PageRequest(CommunitiesPerPage, State.DirectoryCursor));
                State.Pending = [.. page.Items.Select(c => c.Id)];
                State.DirectoryCursor = page.NextCursor;
                State.DirectoryRead = page.NextCursor is null;
            }
            else
            {
                State.RolledOutPlan = State.Plan;
                State.CompletedAt = Now;
                Logger.LogInformation("Erasure plan {Plan} rolled out: {Communities} communities walked, {Learners} erased learners checked",
                    State.Plan, State.CommunitiesWalked, State.ErasedLearnersChecked);
            }

            await SaveAsync();
            _failures = 0;
            return State.RolledOutPlan >= State.Plan ? null : TimeSpan.Zero;
        }
        catch (Exception ex)
        {
            _failures++;
            // Stuck on one community for five minutes is an operator's matter (the rollout waits on it; nothing else does).
            Logger.Log(_failures >= StuckAfterFailures ? LogLevel.Error : LogLevel.Warning, ex,
                "A step of the rollout of erasure plan {Plan} failed ({Failures} in a row, in community {Community}); trying again in {Delay}",
                State.Plan, _failures, State.Pending.FirstOrDefault(), AfterFailure);
            return AfterFailure;
        }
    }

    private async Task CompleteNextErasuresAsync(string community)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {community} and RowKey gt {AuditRow.EntryPrefix} and RowKey lt {AuditRow.EntryPrefix + '\uffff'} and Action eq {ErasurePlan.ErasedAction}");
        var query = storage.Table(storage.Names.AuditTable).QueryAsync<AuditRow>(filter, maxPerPage: ErasuresPerStep, select: [nameof(AuditRow.Subject)]);
        string? next = null;
        await foreach (var page in query.AsPages(State.AuditCursor, ErasuresPerStep))
        {
            var learners = page.Values.Select(row => row.Subject).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            await Task.WhenAll(learners.Select(id => CompleteErasureAsync(community, id)));
            State.ErasedLearnersChecked += learners.Count;
            next = page.ContinuationToken;
            break;
        }

        State.AuditCursor = next;

        if (State.AuditCursor is null)
        {
            State.Pending.RemoveAt(0);
            State.CommunitiesWalked++;
        }
    }

    private async Task CompleteErasureAsync(string community, string learnerId)
    {
        try
        {
            await GrainFactory.Learner(community, learnerId).EraseAsync(Actor);
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.NotFound)
        {
            // An entry about a learner with no record here (not the case for an erasure this platform made): nothing to complete.
        }
    }

    private ErasurePlanRollout View() =>
        new(Math.Max(State.Plan, State.RolledOutPlan), State.RolledOutPlan >= ErasurePlan.Version, State.CommunitiesWalked, State.ErasedLearnersChecked, State.CompletedAt);
}
