using CertGrid.Domain.Credentials;

namespace CertGrid.Domain.Tests.Credentials;

public class VerificationResultTests
{
    private static readonly CredentialFacts Facts = new(
        "https://certgrid.example/acme/credentials/vc_1", "Acme Guild", "Ada Lovelace", "Secure Systems Practitioner",
        new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), null);

    [Fact]
    public void From_is_valid_only_when_every_check_passed()
    {
        VerificationCheck[] passed = [new(VerificationChecks.Signature, CheckOutcome.Passed, "ok"), new(VerificationChecks.Expiry, CheckOutcome.Passed, "ok")];

        var result = VerificationResult.From(passed, Facts);

        Assert.True(result.Valid);
        Assert.Equal(Facts.CredentialUrl, result.CredentialId);
        Assert.Equal("Ada Lovelace", result.HolderName);
        Assert.Equal(Facts.ValidFrom, result.ValidFrom);
        Assert.Null(result.ValidUntil);
    }

    [Theory]
    [InlineData(CheckOutcome.Failed)]
    [InlineData(CheckOutcome.Indeterminate)]
    [InlineData(CheckOutcome.NotChecked)]
    public void From_is_invalid_when_any_check_did_not_pass(CheckOutcome outcome)
    {
        VerificationCheck[] checks = [new(VerificationChecks.Signature, CheckOutcome.Passed, "ok"), new(VerificationChecks.Revocation, outcome, "?")];

        Assert.False(VerificationResult.From(checks, Facts).Valid);
    }

    [Fact]
    public void From_no_checks_is_never_valid()
    {
        var result = VerificationResult.From([], null);

        Assert.False(result.Valid);
        Assert.Null(result.CredentialId);
        Assert.Null(result.IssuerName);
    }
}
