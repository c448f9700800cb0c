using CertGrid.Domain.Relationships;

namespace CertGrid.Abstractions.Relationships;

/// <summary>
/// One person's relationships in a community (mentors, sponsors, declared ties), which conflict-of-interest
/// rules read (from the learner's side). A relationship is stored on both parties' grains: the declaring side keeps an
/// outbox of copies for the other side and retries until each is stored. Key: <c>{community}/{personRef}</c>
/// (for example <c>acme/learner:lrn_…</c>).
/// </summary>
public interface IRelationshipsGrain : IGrainWithStringKey
{
    /// <summary>Records a relationship of this person with another. Idempotent for the same kind and party.</summary>
    Task<Relationship> DeclareAsync(string otherPerson, RelationshipKind kind, string? note, string actor);

    /// <summary>
    /// Stores the mirror copy a declaration made on the other party's grain. Idempotent; a late copy of a declaration
    /// never revives one already ended. It interleaves, so two people declaring towards each other at once (each grain
    /// applying its copy to the other while the other does the same) never wait on each other; its write waits for a write
    /// in flight on the same grain. A short timeout all the same: a copy that cannot be stored soon is retried.
    /// </summary>
    [AlwaysInterleave]
    [ResponseTimeout("00:00:05")]
    Task MirrorAsync(Relationship relationship);

    /// <summary>
    /// Confirms that this person mentors <paramref name="mentee"/> (an open <see cref="RelationshipKind.Mentor"/>
    /// relationship from this person to them): only then does it count toward the mentor badge and earn the mentor's
    /// continuing-education credits. NOT_FOUND without such a relationship. Idempotent: a mentee counts once.
    /// </summary>
    Task<Relationship> ConfirmMentorshipAsync(string mentee, string actor);

    /// <summary>
    /// <paramref name="person"/> was erased: drops the notes of every relationship with them (or of all, on their own
    /// grain, which then has each other party drop theirs), and keeps later copies about them without a note. The ties
    /// themselves stay (ids only), as conflict-of-interest history. Idempotent. Interleaves like <see cref="MirrorAsync"/>.
    /// </summary>
    [AlwaysInterleave]
    Task ForgetNotesAboutAsync(string person);

    /// <summary>Ends a relationship (it stays in the history). Idempotent.</summary>
    Task EndAsync(string otherPerson, RelationshipKind kind, string actor);

    [ReadOnly]
    Task<IReadOnlyList<Relationship>> ListAsync();

    /// <summary>How many copies still wait to be stored on the other parties' grains.</summary>
    [ReadOnly]
    Task<int> PendingMirrorsAsync();
}
