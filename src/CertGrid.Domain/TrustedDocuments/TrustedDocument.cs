namespace CertGrid.Domain.TrustedDocuments;

/// <summary>A GraphQL document a community registered, so clients may send its id instead of its text.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.trusted-document")]
public sealed record TrustedDocument(
    [property: Id(0)] string Hash,
    [property: Id(1)] string? Name,
    [property: Id(2)] string Text,
    [property: Id(3)] string RegisteredBy,
    [property: Id(4)] DateTimeOffset RegisteredAt)
{
    public string Id => TrustedDocumentId.Prefix + Hash;
}
