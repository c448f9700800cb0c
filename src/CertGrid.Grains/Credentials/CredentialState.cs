using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Progress;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Credentials;

[GenerateSerializer, Alias("certgrid.state.credential")]
public sealed class CredentialState : DurableState
{
    [Id(0)] public string LearnerId { get; set; } = string.Empty;
    [Id(1)] public string HolderName { get; set; } = string.Empty;
    [Id(2)] public string DefinitionId { get; set; } = string.Empty;
    [Id(3)] public string AchievementName { get; set; } = string.Empty;
    [Id(4)] public CredentialTier Tier { get; set; }
    [Id(5)] public string AttemptId { get; set; } = string.Empty;
    [Id(6)] public DateTimeOffset ValidFrom { get; set; }
    [Id(7)] public DateTimeOffset? ValidUntil { get; set; }
    [Id(8)] public CredentialStatus Status { get; set; }
    [Id(9)] public string? StatusReason { get; set; }
    [Id(10)] public string Jwt { get; set; } = string.Empty;
    [Id(11)] public string DocumentJson { get; set; } = string.Empty;
    [Id(12)] public string IssuerName { get; set; } = string.Empty;
    [Id(13)] public string SigningKeyId { get; set; } = string.Empty;
    [Id(14)] public string FrameworkVersion { get; set; } = string.Empty;
    [Id(15)] public string? ReplacesCredentialId { get; set; }
    [Id(16)] public string? ReplacedByCredentialId { get; set; }

    /// <summary>The credential's entries in the community's revocation and suspension status lists.</summary>
    [Id(17)] public List<StatusListEntry> StatusEntries { get; set; } = [];

    /// <summary>What the credential was issued from, kept so it can be re-issued identically.</summary>
    [Id(18)] public IssueCredential? IssuedFrom { get; set; }

    /// <summary>The appeal whose overturned decision issued this credential, if any.</summary>
    [Id(19)] public string? AppealId { get; set; }

    /// <summary>The panel's level per criterion (empty for automatic awards).</summary>
    [Id(20)] public List<CriterionResult> Results { get; set; } = [];

    /// <summary>The competency levels the results demonstrate, on the pinned framework version's scale.</summary>
    [Id(21)] public List<DemonstratedCompetency> Demonstrated { get; set; } = [];

    /// <summary>For automatic awards: <c>pathway:{id}</c> or <c>recognition:{kind}</c>.</summary>
    [Id(22)] public string? AwardedThrough { get; set; }

    /// <summary>When the holder was erased: the holder's name, the signed copies and what it was issued from are gone.</summary>
    [Id(23)] public DateTimeOffset? HolderErasedAt { get; set; }

    /// <summary>The credential secured with an <c>eddsa-rdfc-2022</c> Data Integrity proof, when the community offers that format.</summary>
    [Id(24)] public string? DataIntegrityJson { get; set; }

    /// <summary>The forms the community offered when the credential was issued.</summary>
    [Id(25)] public CredentialProofFormat ProofFormat { get; set; }

    /// <summary>A directly awarded credential's content hash (<c>DirectAwardIdentity.Fingerprint</c>): the same award again is answered, another one under its external id refused. Cleared on erasure.</summary>
    [Id(40)] public string? AwardFingerprint { get; set; }
}
