using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;

namespace CertGrid.Api.Publishing.CredentialPage;

/// <summary>
/// Everything the verification page shows, gathered for one request: the checks as the verification cache answers
/// them now, and until when they may be reused (<see cref="ReusableUntil"/>, null when they may not).
/// </summary>
public sealed record CredentialPageModel(
    IssuedCredential Credential,
    VerificationResult Verification,
    DateTimeOffset CheckedAt,
    CommunityInfo Issuer,
    string AchievementName,
    string AchievementDescription,
    string CriteriaNarrative,
    IReadOnlyList<RubricOutcome> Rubric,
    PublicHolder? Holder,
    IReadOnlyList<PublicEvidence> Evidence,
    int PrivateEvidenceCount,
    string Language,
    CredentialPageLinks Links,
    DateTimeOffset? ReusableUntil)
{
    /// <summary>The one word a person reads first: what the checks made now say, worst first.</summary>
    public Verdict Verdict => Verification switch
    {
        { Valid: true } => Verdict.Valid,
        _ when Failed(VerificationChecks.Revocation) => Verdict.Revoked,
        _ when Failed(VerificationChecks.Suspension) => Verdict.Suspended,
        _ when Failed(VerificationChecks.Expiry) => Verdict.Expired,
        _ when Failed(VerificationChecks.NotBefore) => Verdict.NotYetValid,
        _ when Verification.Checks.Any(c => c.Outcome == CheckOutcome.Failed) => Verdict.Invalid,
        _ => Verdict.Unconfirmed,
    };

    private bool Failed(string check) => Verification.Checks.Any(c => c.Name == check && c.Outcome == CheckOutcome.Failed);
}

public enum Verdict
{
    Valid,
    Revoked,
    Suspended,
    Expired,
    NotYetValid,
    Invalid,
    Unconfirmed,
}

/// <summary>One rubric criterion, the level the panel agreed on, and every level it could have reached.</summary>
public sealed record RubricOutcome(string Criterion, string? AchievedLevel, IReadOnlyList<string> Levels);

/// <summary>What the holder chose to make public: their name and the profile URL they publish credentials under.</summary>
public sealed record PublicHolder(string Name, string ProfileUrl);

public sealed record PublicEvidence(string Title, string Url);

/// <summary>The page's own address and the downloads it offers.</summary>
public sealed record CredentialPageLinks(string PageUrl, string Jwt, string Json, string BadgePng, string BadgeSvg, string LinkedIn);
