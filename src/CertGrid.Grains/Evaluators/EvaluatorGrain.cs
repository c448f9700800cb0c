using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.Evaluators;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Evaluators;

/// <summary>
/// One evaluator's profile and the counts held against them, stored and audited here so that a change to one evaluator
/// writes a few hundred bytes however large the pool is; the pool reads every profile from the evaluators read model
/// (<see cref="EvaluatorRow"/>) this grain keeps.
/// </summary>
public sealed class EvaluatorGrain(
    [PersistentState("evaluator", StorageNames.GrainStore)] IPersistentState<EvaluatorState> state,
    StorageClients storage)
    : DurableGrain<EvaluatorState>(state), IEvaluatorGrain
{
    /// <summary>Released panels remembered to count each once; far more than a retry ever lags behind.</summary>
    public const int CountedPanelsKept = 20;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private EvaluatorRecord Record => State.Record;

    public async Task<EvaluatorProfile> RegisterAsync(RegisterEvaluator command, string actor)
    {
        if (RecordExists)
        {
            throw CertGridException.Conflict($"Evaluator '{Key.Id}' is already registered.");
        }

        State.Record = new EvaluatorRecord
        {
            Name = command.Name,
            Email = command.Email,
            Organisation = command.Organisation,
            Expertise = [.. command.Expertise],
            Languages = [.. command.Languages ?? []],
            LinkedLearnerId = command.LinkedLearnerId,
            MaxActiveAssignments = command.MaxActiveAssignments,
            RegisteredAt = Now,
        };
        await SaveAsync(AuditEvent(actor, "evaluator.registered", Key.Id, new { Record.Name, Record.Organisation, Record.Expertise, Record.Languages, Record.LinkedLearnerId }));
        return Profile();
    }

    public async Task<EvaluatorProfile> UpdateAsync(UpdateEvaluator command, string actor)
    {
        RequireRegistered();
        (Record.Organisation, Record.Expertise, Record.Languages, Record.MaxActiveAssignments) =
            (command.Organisation, [.. command.Expertise ?? Record.Expertise], [.. command.Languages ?? Record.Languages], command.MaxActiveAssignments ?? Record.MaxActiveAssignments);
        await SaveAsync(AuditEvent(actor, "evaluator.updated", Key.Id,
            new { organisation = Record.Organisation, expertise = Record.Expertise, languages = Record.Languages, maxActiveAssignments = Record.MaxActiveAssignments }));
        return Profile();
    }

    public async Task<EvaluatorProfile> SetActiveAsync(bool active, string? reason, string actor)
    {
        RequireRegistered();
        if (Record.Active != active || Record.InactiveReason != (active ? null : reason))
        {
            Record.Active = active;
            Record.InactiveReason = active ? null : reason;
            await SaveAsync(AuditEvent(actor, active ? "evaluator.activated" : "evaluator.deactivated", Key.Id, new { reason }));
        }

        return Profile();
    }

    public async Task<EvaluatorProfile> SetAvailabilityAsync(DateTimeOffset? unavailableUntil, string actor)
    {
        RequireRegistered();
        Record.UnavailableUntil = unavailableUntil;
        await SaveAsync(AuditEvent(actor, "evaluator.availability-set", Key.Id, new { unavailableUntil }));
        return Profile();
    }

    public async Task<EvaluatorProfile> CountSeatReleaseAsync(string panelId, SeatRelease why)
    {
        RequireRegistered();
        if (!State.CountedPanels.Contains(panelId))
        {
            if (why == SeatRelease.Overdue)
            {
                Record.OverdueReviews++;
            }
            else
            {
                Record.Recusals++;
            }

            State.CountedPanels.Add(panelId);
            if (State.CountedPanels.Count > CountedPanelsKept)
            {
                State.CountedPanels.RemoveAt(0);
            }

            await SaveAsync();
        }

        return Profile();
    }

    public async Task<EvaluatorProfile> ImportAsync(EvaluatorProfile profile)
    {
        if (!RecordExists)
        {
            State.Record = EvaluatorRecord.From(profile);
            await SaveAsync();
        }

        return Profile();
    }

    public Task<EvaluatorProfile?> FindAsync() => Task.FromResult(RecordExists ? Profile() : null);

    protected override Task ProjectAsync() =>
        storage.ReadModel(storage.Names.EvaluatorsTable).UpsertAsync(EvaluatorRow.From(Community, Profile()));

    private void RequireRegistered()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Evaluator", Key.Id);
        }
    }

    private EvaluatorProfile Profile() => Record.ToProfile(Key.Id, []);
}
