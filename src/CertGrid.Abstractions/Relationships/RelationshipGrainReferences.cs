using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Relationships;

/// <summary>Typed references to the Relationships grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class RelationshipGrainReferences
{
    /// <summary>A person's declared relationships (<c>learner:…</c> or <c>evaluator:…</c>).</summary>
    public static IRelationshipsGrain Relationships(this IGrainFactory grains, string community, string person) =>
        grains.InCommunity<IRelationshipsGrain>(community, person);
}
