using CertGrid.Abstractions.Governance;
using CertGrid.Domain.Governance;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Governance;

/// <summary>The steering committee's terms: appointed and ended by admins, every change audited.</summary>
public sealed class CommitteeGrain(
    [PersistentState("committee", StorageNames.GrainStore)] IPersistentState<CommitteeState> state)
    : DurableGrain<CommitteeState>(state), ICommitteeGrain
{
    public const int MaxSeats = 500;
    public const int MaxTermDays = 5 * 366;

    protected override string Community => this.GetPrimaryKeyString();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public async Task<CommitteeSeat> AppointAsync(AppointSeat command, string actor)
    {
        var person = await PersonIdentities.ResolveAsync(GrainFactory, Community, command.Person, "input.person");
        if (command.EndsOn <= command.StartsOn)
        {
            throw CertGridException.Invalid("input.endsOn", "'input.endsOn' must be after 'input.startsOn'.");
        }

        if (command.EndsOn.DayNumber - command.StartsOn.DayNumber > MaxTermDays)
        {
            throw CertGridException.Invalid("input.endsOn", "A term lasts at most five years; reappoint for another term.");
        }

        if (command.EndsOn < Today)
        {
            throw CertGridException.Invalid("input.endsOn", "A term must not have ended already.");
        }

        var overlapping = State.Seats.FirstOrDefault(s =>
            State.Identities.GetValueOrDefault(s.Id, [s.Person]).Any(person.All.Contains) && s.StartsOn <= command.EndsOn && command.StartsOn <= s.LastDay);
        if (overlapping is not null)
        {
            throw CertGridException.Conflict($"{person.Name} already holds a term from {overlapping.StartsOn:yyyy-MM-dd} to {overlapping.LastDay:yyyy-MM-dd}; terms of one person cannot overlap.");
        }

        if (State.Seats.Count >= MaxSeats)
        {
            throw CertGridException.Policy($"A committee keeps at most {MaxSeats} terms in its history.");
        }

        var seat = new CommitteeSeat(EntityId.New(IdPrefixes.CommitteeSeat), person.Person, person.Name, command.StartsOn, command.EndsOn, null, null, actor, Now);
        State.Seats.Add(seat);
        State.Identities[seat.Id] = [.. person.All];
        return await SaveAnsweringAsync(seat, AuditEvent(actor, "committee.member-appointed", seat.Id, new { seat.Person, seat.Name, seat.StartsOn, seat.EndsOn }));
    }

    public async Task<CommitteeSeat> EndTermAsync(string seatId, string reason, string actor)
    {
        var index = State.Seats.FindIndex(s => s.Id == seatId);
        if (index < 0)
        {
            throw CertGridException.NotFound("Committee seat", seatId);
        }

        var seat = State.Seats[index];
        var why = InputRules.RequireText(reason, "reason", 1000);
        if (seat.LastDay < Today)
        {
            return seat;
        }

        // The term ends now: its last day in office was yesterday, so the member cannot vote from today.
        var ended = seat with { EndedEarlyOn = Today.AddDays(-1), EndReason = why };
        State.Seats[index] = ended;
        return await SaveAnsweringAsync(ended, AuditEvent(actor, "committee.term-ended-early", seat.Id, new { seat.Person, reason = why }));
    }

    public Task<IReadOnlyList<CommitteeSeat>> ListAsync() => Task.FromResult<IReadOnlyList<CommitteeSeat>>(State.Seats.ToList());
}
