using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Recognition;
using CertGrid.Domain.Relationships;
using CertGrid.Grains.ContinuingEducation;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Recognition;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Relationships;

/// <summary>
/// One person's relationships; declarations are mirrored onto the other party so either side can be asked (the
/// conflict-of-interest check reads the learner's side). The copy is reliable: a declaration or ending is stored
/// together with the effect that copies it (<see cref="MirrorRelationship"/>), applied at once and, if that fails (the
/// other party's grain unavailable, or busy declaring towards this one at the same moment), retried until the other
/// party has stored it. Mirroring is idempotent.
/// </summary>
public sealed class RelationshipsGrain(
    [PersistentState("relationships", StorageNames.GrainStore)] IPersistentState<RelationshipsState> state)
    : DurableGrain<RelationshipsState>(state), IRelationshipsGrain
{
    public const int MaxRelationships = 500;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private string Person => Key.Id;

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
        Cause(new MirrorRelationship(other, relationship));
        return await SaveAnsweringAsync(relationship, AuditEvent(actor, "relationship.declared", Person, new { other, kind = kind.ToString(), relationship.Note }));
    }

    public async Task<Relationship> ConfirmMentorshipAsync(string mentee, string actor)
    {
        var relationship = State.Relationships.FirstOrDefault(r => r.Kind == RelationshipKind.Mentor && r.Until is null && r.From == Person && r.To == mentee)
            ?? throw CertGridException.NotFound($"Mentorship of {mentee} by", Person);

        // Declaring alone earns nothing: a tie nobody confirmed is not mentoring (issue 15.4). Both effects count once.
        var menteeId = mentee[(mentee.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Cause(new CountContribution(Person, ContributionKind.Mentoring, $"mentee:{menteeId}"));
        Cause(new GrantMentoringCredits(relationship));
        return await SaveAnsweringAsync(relationship, AuditEvent(actor, "relationship.mentorship-confirmed", Person, new { mentee }));
    }

    public async Task MirrorAsync(Relationship relationship)
    {
        relationship = WithoutErasedNotes(relationship);
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
        Cause(new MirrorRelationship(otherPerson, ended));
        await SaveAsync(AuditEvent(actor, "relationship.ended", Person, new { other = otherPerson, kind = kind.ToString() }));
    }

    public async Task ForgetNotesAboutAsync(string person)
    {
        var own = person == Person;
        if (!State.Erased.Add(person) && !State.Relationships.Any(r => r.Note is not null && Involves(r, person)))
        {
            return;
        }

        State.Relationships = State.Relationships.Select(WithoutErasedNotes).ToList();
        if (own)
        {
            Cause(State.Relationships.Select(r => r.Other(Person)).Distinct().Select(other => new ForgetRelationshipNotes(other, Person)));
        }

        await SaveAsync();
    }

    private bool Involves(Relationship relationship, string person) => relationship.From == person || relationship.To == person || person == Person;

    private Relationship WithoutErasedNotes(Relationship relationship) =>
        relationship.Note is not null && State.Erased.Any(erased => Involves(relationship, erased)) ? relationship with { Note = null } : relationship;

    public Task<IReadOnlyList<Relationship>> ListAsync() => Task.FromResult<IReadOnlyList<Relationship>>(State.Relationships.ToList());

    public Task<int> PendingMirrorsAsync() => Task.FromResult(State.Effects.Count(e => e.Effect is MirrorRelationship));
}
