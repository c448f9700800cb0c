using CertGrid.Abstractions.Credentials;

namespace CertGrid.Grains.Tests.Credentials;

/// <summary>Issuing stores a credential in one write with one audit event, and issuing it again changes nothing.</summary>
public sealed class IssuanceTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Each_credential_is_audited_as_issued_exactly_once_with_its_results_even_when_issuing_is_repeated()
    {
        var issuer = new CredentialIssuer(fixture);
        var credentials = new[] { await issuer.IssueAsync(), await issuer.IssueAsync(issuer.Community) };
        foreach (var credential in credentials)
        {
            var grain = fixture.Grains.Credential(issuer.Community, credential.Id);
            var again = await grain.IssueAsync(new IssueCredential(credential.LearnerId, credential.DefinitionId, credential.AttemptId, credential.Results!, credential.Evidence!));
            Assert.Equal(credential.Jwt, again.Jwt);
            Assert.Equal(["C1", "C2"], again.Results!.Select(r => r.CriterionCode));
            await Settled.EffectsOfAsync(fixture.Grains, grain);
        }

        var audit = await AuditTrail.AllAsync(fixture.Grains, issuer.Community);
        Assert.All(credentials, credential => Assert.Single(audit, e => e.Action == "credential.issued" && e.Subject == credential.Id));
    }
}
