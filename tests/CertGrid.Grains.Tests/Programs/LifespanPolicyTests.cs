using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;
using CertGrid.Grains.Tests.Renewals;

namespace CertGrid.Grains.Tests.Programs;

/// <summary>A credential definition carries its lifespan policy, set by an admin even after publishing.</summary>
[Collection(RenewalsGroup.Name)]
public sealed class LifespanPolicyTests(RenewalsFixture fixture)
{
    [Fact]
    public async Task A_lifespan_policy_is_validated_against_the_definition_and_stored_on_it()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definition = fixture.Grains.GetGrain<ICredentialDefinitionGrain>(program.Key(await program.PublishedCredentialAsync(validityDays: 365)));
        Assert.Null(await definition.GetLifespanPolicyAsync());

        var stored = await definition.SetLifespanPolicyAsync(RenewalScenario.Policy(window: 90), Actors.Admin("key_a"));
        Assert.Equal(90, (await definition.GetLifespanPolicyAsync())!.RenewalWindowDays);
        Assert.Equal("ethics", stored.ContinuingEducation.CategoryMinimums[0].Category);
        Assert.Equal("input.renewalWindowDays", (await Assert.ThrowsAsync<CertGridException>(() =>
            definition.SetLifespanPolicyAsync(RenewalScenario.Policy(window: 400), Actors.System))).Field);

        var forever = fixture.Grains.GetGrain<ICredentialDefinitionGrain>(program.Key(await program.PublishedCredentialAsync(validityDays: null)));
        Assert.Equal(ErrorCode.PolicyViolation, (await Assert.ThrowsAsync<CertGridException>(() => forever.SetLifespanPolicyAsync(RenewalScenario.Policy(), Actors.System))).Code);
        var missing = fixture.Grains.GetGrain<ICredentialDefinitionGrain>(program.Key(EntityId.New(IdPrefixes.CredentialDefinition)));
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<CertGridException>(() => missing.GetLifespanPolicyAsync())).Code);
    }
}
