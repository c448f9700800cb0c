namespace CertGrid.Abstractions.Credentials;

/// <summary>
/// A credential an OB 3.0 client stored in a learner's CertGrid record (<c>upsertCredential</c>): kept as the
/// client sent it, a compact JWS (VC-JWT) or a JSON credential, under the credential's own id.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.hosted-credential")]
public sealed record HostedCredential(
    [property: Id(0)] string Id,
    [property: Id(1)] bool IsCompactJws,
    [property: Id(2)] string Content,
    [property: Id(3)] DateTimeOffset StoredAt);

/// <summary>One page of a learner's hosted credentials, and how many there are.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.hosted-credential-page")]
public sealed record HostedCredentialPage(
    [property: Id(0)] IReadOnlyList<HostedCredential> Items,
    [property: Id(1)] int Total);
