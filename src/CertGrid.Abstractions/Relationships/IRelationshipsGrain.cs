using CertGrid.Domain.Relationships;

namespace CertGrid.Abstractions.Relationships;

/// <summary>
/// One person's relationships in a community (mentors, sponsors, declared ties), which conflict-of-interest
/// rules read. A relationship is stored on both parties' grains. Key: <c>{community}/{personRef}</c>
/// (for example <c>acme/learner:lrn_…</c>).
/// </summary>
public interface IRelationshipsGrain : IGrainWithStringKey
{
    /// <summary>Records a relationship of this person with another. Idempotent for the same kind and party.</summary>
    Task<Relationship> DeclareAsync(string otherPerson, RelationshipKind kind, string? note, string actor);

    /// <summary>Stores the mirror copy a declaration made on the other party's grain. Idempotent.</summary>
    Task MirrorAsync(Relationship relationship);

    /// <summary>Ends a relationship (it stays in the history). Idempotent.</summary>
    Task EndAsync(string otherPerson, RelationshipKind kind, string actor);

    [ReadOnly]
    Task<IReadOnlyList<Relationship>> ListAsync();
}
