using CertGrid.Abstractions.Recognition;
using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Recognition;
using CertGrid.Domain.Relationships;
using CertGrid.Grains.ContinuingEducation;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Relationships;

/// <summary>
/// One person's relationships; declarations are mirrored onto the other party so either side can be asked (the
/// conflict-of-interest check reads the learner's side). The copy is reliable: a declaration or ending is stored
/// together with an outbox entry for the other party, delivered at once, and if that fails (the other party's grain
/// unavailable, or busy declaring towards this one at the same moment) retried on a timer and on the next activation
/// until the other party has stored it. Mirroring is idempotent.
/// </summary>
public sealed class RelationshipsGrain(
    [PersistentState("relationships", StorageNames.GrainStore)] IPersistentState<RelationshipsState> state)
    : DurableGrain<RelationshipsState>(state), IRelationshipsGrain
{
    public const int MaxRelationships = 500;

    private IGrainTimer? _retryTimer;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private string Person => Key.Id;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Outbox.Count > 0)
        {
            RetryLater();
        }
    }

    public async Task<Relationship> DeclareAsync(string otherPerson, RelationshipKind kind, string? note, string actor)
    {
        var other = PersonRef.Require(otherPerson, "input.otherPerson");
        if (other == Person)
        {
            throw CertGridException.Invalid("input.otherPerson", "A relationship needs two different people.");
        }

        var existing = State.Relationships.FirstOrDefault(r => r.Other(Person) == other && r.Kind == kind && r.Until is null);
        if (existing is not null)
        {
            return existing;
        }

        if (State.Relationships.Count >= MaxRelationships)
        {
            throw CertGridException.Policy($"A person can have at most {MaxRelationships} recorded relationships.");
        }

        // Both people are of this community (keys carry it) and must exist in it: a tie to nobody would count as a
        // mentorship (and earn credits and badges) without anyone being mentored.
        await People.RequireExistsAsync(GrainFactory, Community, Person, "person");
        await People.RequireExistsAsync(GrainFactory, Community, other, "input.otherPerson");

        var relationship = new Relationship(Person, other, kind, actor, Now, null, InputRules.OptionalText(note, "input.note", 500));
        State.Relationships.Add(relationship);
        State.Outbox.Add(relationship);
        await SaveAsync(AuditEvent(actor, "relationship.declared", Person, new { other, kind = kind.ToString(), relationship.Note }));
        await DeliverAsync();
        return relationship;
    }

    public async Task<Relationship> ConfirmMentorshipAsync(string mentee, string actor)
    {
        var relationship = State.Relationships.FirstOrDefault(r => r.Kind == RelationshipKind.Mentor && r.Until is null && r.From == Person && r.To == mentee)
            ?? throw CertGridException.NotFound($"Mentorship of {mentee} by", Person);

        // Declaring alone earns nothing: a tie nobody confirmed is not mentoring (issue 15.4).
        var menteeId = mentee[(mentee.IndexOf(':', StringComparison.Ordinal) + 1)..];
        await GrainFactory.Contributor(Community, Person).RecordAsync(ContributionKind.Mentoring, $"mentee:{menteeId}", actor);
        await ServiceCredits.ForMentorshipAsync(GrainFactory, Logger, Community, relationship);
        return relationship;
    }

    public async Task MirrorAsync(Relationship relationship)
    {
        var index = State.Relationships.FindIndex(r => r.From == relationship.From && r.To == relationship.To && r.Kind == relationship.Kind && r.Since == relationship.Since);
        if (index < 0)
        {
            State.Relationships.Add(relationship);
            await SaveAsync();
        }
        else if (State.Relationships[index] != relationship && State.Relationships[index].Until is null)
        {
            State.Relationships[index] = relationship;
            await SaveAsync();
        }
    }

    public async Task EndAsync(string otherPerson, RelationshipKind kind, string actor)
    {
        var index = State.Relationships.FindIndex(r => r.Other(Person) == otherPerson && r.Kind == kind && r.Until is null);
        if (index < 0)
        {
            return;
        }

        var ended = State.Relationships[index] with { Until = Now };
        State.Relationships[index] = ended;
        State.Outbox.RemoveAll(r => Same(r, ended));
        State.Outbox.Add(ended);
        await SaveAsync(AuditEvent(actor, "relationship.ended", Person, new { other = otherPerson, kind = kind.ToString() }));
        await DeliverAsync();
    }

    public Task<IReadOnlyList<Relationship>> ListAsync() => Task.FromResult<IReadOnlyList<Relationship>>(State.Relationships.ToList());

    public Task<int> PendingMirrorsAsync() => Task.FromResult(State.Outbox.Count);

    /// <summary>Hands each pending copy to the other party; what fails stays in the outbox and is retried later.</summary>
    private async Task DeliverAsync()
    {
        var delivered = new List<Relationship>();
        foreach (var relationship in State.Outbox.ToList())
        {
            try
            {
                await GrainFactory.Relationships(Community, relationship.Other(Person)).MirrorAsync(relationship);
                delivered.Add(relationship);
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "Copying a relationship of {Person} to {Other} in {Community} failed; it is retried", Person, relationship.Other(Person), Community);
            }
        }

        if (delivered.Count > 0)
        {
            State.Outbox.RemoveAll(delivered.Contains);
            await SaveAsync();
        }

        if (State.Outbox.Count > 0)
        {
            RetryLater();
        }
        else
        {
            _retryTimer?.Dispose();
            _retryTimer = null;
        }
    }

    /// <summary>Retries after a random 1-5 seconds, so two people declaring towards each other at once do not collide again.</summary>
    private void RetryLater()
    {
        _retryTimer?.Dispose();
        var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 5000));
        _retryTimer = this.RegisterGrainTimer(_ => DeliverAsync(), new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
    }

    private static bool Same(Relationship a, Relationship b) => a.From == b.From && a.To == b.To && a.Kind == b.Kind && a.Since == b.Since;
}
