namespace CertGrid.Domain.Credentials;

/// <summary>
/// A verification verdict with every check that led to it, and what the credential says about its holder
/// and achievement. <see cref="Valid"/> is true only when every check passed.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.verification-result")]
public sealed record VerificationResult(
    [property: Id(0)] bool Valid,
    [property: Id(1)] IReadOnlyList<VerificationCheck> Checks,
    [property: Id(2)] string? CredentialId,
    [property: Id(3)] string? IssuerName,
    [property: Id(4)] string? HolderName,
    [property: Id(5)] string? AchievementName,
    [property: Id(6)] DateTimeOffset? ValidFrom,
    [property: Id(7)] DateTimeOffset? ValidUntil)
{
    public static VerificationResult From(IReadOnlyList<VerificationCheck> checks, CredentialFacts? facts) => new(
        checks.Count > 0 && checks.All(c => c.Outcome == CheckOutcome.Passed),
        checks,
        facts?.CredentialUrl,
        facts?.IssuerName,
        facts?.HolderName,
        facts?.AchievementName,
        facts?.ValidFrom,
        facts?.ValidUntil);
}
