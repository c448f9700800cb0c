namespace CertGrid.Domain.Relationships;

/// <summary>A relationship between two people, as declared by someone, from a date (and until one, once ended).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.relationship")]
public sealed record Relationship(
    [property: Id(0)] string From,
    [property: Id(1)] string To,
    [property: Id(2)] RelationshipKind Kind,
    [property: Id(3)] string DeclaredBy,
    [property: Id(4)] DateTimeOffset Since,
    [property: Id(5)] DateTimeOffset? Until,
    [property: Id(6)] string? Note)
{
    public bool IsActive(DateTimeOffset at) => Since <= at && (Until is null || Until > at);

    /// <summary>The other party, seen from <paramref name="person"/>.</summary>
    public string Other(string person) => From == person ? To : From;
}
