using CertGrid.Abstractions.Retries;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Retries;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Scheduling;
using CertGrid.Grains.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace CertGrid.Grains.Retries;

/// <summary>
/// One caller's idempotency key (<see cref="IIdempotencyRecordGrain"/>). Every transition is stored before it is
/// acknowledged, so a claim survives a silo failure and two gateways racing on one key see one winner; the decision
/// itself is <see cref="IdempotencyRules"/>. A kept answer can hold a secret (an issued API key), so it is stored
/// encrypted with the cluster's data-protection keys. A new record schedules its expiry in the community's deadline
/// bucket (one reminder per community, never one per key); when it falls due the record clears its stored state.
/// </summary>
public sealed class IdempotencyRecordGrain(
    [PersistentState("idempotency", StorageNames.GrainStore)] IPersistentState<IdempotencyRecordState> state,
    IDataProtectionProvider dataProtection)
    : DurableGrain<IdempotencyRecordState>(state), IIdempotencyRecordGrain
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("CertGrid.Retries.IdempotencyRecord");

    protected override string Community => ScopedKey.Parse(this.GetPrimaryKeyString()).Community;

    public async Task<IdempotencyClaim> ClaimAsync(string fingerprint, bool safeToRunAgain, IdempotencyTerms terms)
    {
        var now = Now;
        var recorded = State.Entry;
        var verdict = IdempotencyRules.Decide(recorded, fingerprint, safeToRunAgain, now);
        switch (verdict)
        {
            case IdempotencyVerdict.Replay:
                return new IdempotencyClaim(verdict, null, State.Answer! with { Body = _protector.Unprotect(State.Answer.Body) }, 0, true);
            case IdempotencyVerdict.InProgress:
                return new IdempotencyClaim(verdict, null, null, IdempotencyRules.SecondsUntilLeaseEnds(recorded!, now), true);
            case IdempotencyVerdict.KeyReused or IdempotencyVerdict.OutcomeUnknown:
                return new IdempotencyClaim(verdict, null, null, 0, true);
        }

        var ranBefore = recorded is not null && now < recorded.ExpiresAt;
        var expiresAt = ranBefore ? recorded!.ExpiresAt : now + terms.Window;
        State.Entry = new IdempotencyEntry(fingerprint, IdempotencyPhase.Executing, now + terms.Lease, expiresAt);
        State.ClaimId = Guid.NewGuid().ToString("N");
        State.Answer = null;
        State.RanBefore = ranBefore;
        if (!ranBefore)
        {
            // A new record: its expiry goes in the community's deadline bucket, right after this write is acknowledged.
            Cause(new SyncDeadlines([Expiry(expiresAt)], []));
        }

        await SaveAndReplyAsync();
        return new IdempotencyClaim(verdict, State.ClaimId, null, 0, ranBefore, expiresAt);
    }

    public async Task CompleteAsync(string claimId, RecordedAnswer answer)
    {
        if (!Holds(claimId))
        {
            return;
        }

        State.Entry = State.Entry! with { Phase = IdempotencyPhase.Completed };
        State.Answer = answer with { Body = _protector.Protect(answer.Body) };
        State.ClaimId = null;
        await SaveAsync();
    }

    public async Task AbandonAsync(string claimId, bool ran)
    {
        if (!Holds(claimId))
        {
            return;
        }

        // A request that never ran (and followed no lost answer) leaves nothing to protect: forget it, so the retry
        // runs as a first request.
        State.Entry = ran || State.RanBefore ? State.Entry! with { Phase = IdempotencyPhase.OutcomeUnknown } : null;
        State.ClaimId = null;
        await SaveAsync();
    }

    public async Task ExpireAsync()
    {
        var deadlines = GrainFactory.GetGrain<IDeadlineBucketGrain>(Community);
        if (State.Entry is { } entry && Now < entry.ExpiresAt)
        {
            await deadlines.ScheduleAsync(Expiry(entry.ExpiresAt));
            return;
        }

        await ForgetStoredStateAsync();
        await deadlines.CancelAsync(DeadlineKind.IdempotencyRecordExpires, this.GetPrimaryKeyString(), "");
    }

    public Task<bool> IsStoredAsync() => Task.FromResult(RecordExists);

    private ScheduledDeadline Expiry(DateTimeOffset at) => new(DeadlineKind.IdempotencyRecordExpires, this.GetPrimaryKeyString(), "", at);

    /// <summary>Only the run that holds the key may settle it (a run whose lease ended and was taken over may not).</summary>
    private bool Holds(string claimId) =>
        State.Entry is { Phase: IdempotencyPhase.Executing } && string.Equals(State.ClaimId, claimId, StringComparison.Ordinal);
}
