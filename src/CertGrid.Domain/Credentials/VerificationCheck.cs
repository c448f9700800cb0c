namespace CertGrid.Domain.Credentials;

/// <summary>One named check of a verification (signature, issuer, notBefore, expiry, status, ...).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.verification-check")]
public sealed record VerificationCheck(
    [property: Id(0)] string Name,
    [property: Id(1)] CheckOutcome Outcome,
    [property: Id(2)] string Detail);
