using CertGrid.Domain.Credentials;

namespace CertGrid.Domain.Programs;

/// <summary>A credential a learner holds, as eligibility and progress rules see it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.held-credential")]
public sealed record HeldCredential(
    [property: Id(0)] string CredentialId,
    [property: Id(1)] string DefinitionId,
    [property: Id(2)] string Name,
    [property: Id(3)] CredentialStatus Status,
    [property: Id(4)] DateTimeOffset ValidFrom,
    [property: Id(5)] DateTimeOffset? ValidUntil)
{
    /// <summary>Active (not revoked or suspended), already valid and not expired.</summary>
    public bool IsValidAt(DateTimeOffset now) => Status == CredentialStatus.Active && ValidFrom <= now && (ValidUntil is null || ValidUntil > now);
}
