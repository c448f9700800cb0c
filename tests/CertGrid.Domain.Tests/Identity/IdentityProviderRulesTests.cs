using CertGrid.Domain.Access;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Identity;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Tests.Identity;

public class IdentityProviderRulesTests
{
    private static readonly IdentityProviderSettings Guild = new(
        "https://login.guild.example/realms/guild", "https://certgrid.example/guild", "certgrid-web", "groups",
        ["guild-admins"], ["guild-evaluators"], ["guild-learners"], null);

    [Fact]
    public void The_most_trusted_mapped_value_decides_the_role()
    {
        Assert.Equal(Role.CommunityAdmin, Guild.RoleFor(["guild-learners", "guild-admins"]));
        Assert.Equal(Role.Evaluator, Guild.RoleFor(["guild-evaluators", "guild-learners"]));
        Assert.Equal(Role.Learner, Guild.RoleFor(["staff", "guild-learners"]));
        Assert.Null(Guild.RoleFor(["staff"]));
        Assert.Null(Guild.RoleFor(["GUILD-ADMINS"]));
        Assert.Equal(Role.Learner, (Guild with { DefaultRole = Role.Learner }).RoleFor([]));
    }

    [Theory]
    [InlineData("https://login.guild.example/realms/guild")]
    [InlineData("http://127.0.0.1:4000")]
    [InlineData("http://localhost:4000/oidc")]
    public void An_issuer_is_https_or_on_the_loopback_address(string issuer) =>
        Assert.Equal(issuer, IdentityProviderRules.RequireIssuer(issuer, "input.issuer"));

    [Theory]
    [InlineData("http://login.guild.example")]
    [InlineData("login.guild.example")]
    [InlineData("https://login.guild.example/?tenant=1")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("")]
    public void Other_issuers_are_refused_with_what_is_accepted(string issuer)
    {
        var refused = Assert.Throws<CertGridException>(() => IdentityProviderRules.RequireIssuer(issuer, "input.issuer"));
        Assert.Equal(ErrorCode.ValidationFailed, refused.Code);
        Assert.Equal("input.issuer", refused.Field);
    }

    [Fact]
    public void Settings_that_would_accept_ID_tokens_map_a_value_twice_or_default_to_partner_are_refused()
    {
        var accepted = IdentityProviderRules.Check(Guild with { LearnerValues = ["guild-learners", "guild-learners"] });
        Assert.Equal(Guild.Issuer, accepted.Issuer);
        Assert.Equal(["guild-learners"], accepted.LearnerValues);
        Assert.Equal("input.audience", Assert.Throws<CertGridException>(() => IdentityProviderRules.Check(Guild with { Audience = "certgrid-web" })).Field);
        Assert.Contains("more than one role", Assert.Throws<CertGridException>(() => IdentityProviderRules.Check(Guild with { LearnerValues = ["guild-admins"] })).Message);
        Assert.Equal("input.defaultRole", Assert.Throws<CertGridException>(() => IdentityProviderRules.Check(Guild with { DefaultRole = Role.Partner })).Field);
    }

    [Fact]
    public void An_identity_id_is_the_same_for_the_same_issuer_and_subject_and_differs_otherwise()
    {
        var id = ExternalIdentityId.For(Guild.Issuer, "alice");
        Assert.True(EntityId.IsValid(id, IdPrefixes.ExternalIdentity));
        Assert.Equal(id, ExternalIdentityId.For(Guild.Issuer, "alice"));
        Assert.NotEqual(id, ExternalIdentityId.For(Guild.Issuer, "bob"));
        Assert.NotEqual(id, ExternalIdentityId.For("https://other.example", "alice"));
    }
}
