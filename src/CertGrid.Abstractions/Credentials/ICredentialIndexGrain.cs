using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Credentials;

/// <summary>A line of the credentials read model.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.credential-summary")]
public sealed record CredentialSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string LearnerId,
    [property: Id(2)] string HolderName,
    [property: Id(3)] string DefinitionId,
    [property: Id(4)] string AchievementName,
    [property: Id(5)] CredentialTier Tier,
    [property: Id(6)] DateTimeOffset ValidFrom,
    [property: Id(7)] DateTimeOffset? ValidUntil,
    [property: Id(8)] CredentialStatus Status,
    [property: Id(9)] string SigningKeyId = "");

/// <summary>Lists credentials from the read model partitioned by community. Key: the community id.</summary>
public interface ICredentialIndexGrain : IGrainWithStringKey
{
    Task<Page<CredentialSummary>> ListAsync(PageRequest page);

    Task<Page<CredentialSummary>> ListForLearnerAsync(string learnerId, PageRequest page);

    /// <summary>The credentials one signing key signed (to re-issue them after the key is withdrawn).</summary>
    Task<Page<CredentialSummary>> ListSignedWithAsync(string keyId, PageRequest page);
}
