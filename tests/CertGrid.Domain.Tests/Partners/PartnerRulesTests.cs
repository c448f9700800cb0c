using CertGrid.Domain.Partners;

namespace CertGrid.Domain.Tests.Partners;

public sealed class PartnerRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_grant_admits_its_scopes_until_it_expires_or_is_revoked()
    {
        var grant = new PartnerGrant("acme", ["talent:search"], Now, Now.AddDays(1), "admin:key_x");

        Assert.True(grant.Allows("talent:search", Now));
        Assert.False(grant.Allows("credentials:read", Now));
        Assert.False(grant.Allows("talent:search", Now.AddDays(1)));
        Assert.False((grant with { RevokedAt = Now }).Allows("talent:search", Now));
    }

    [Fact]
    public void Partner_keys_parse_only_in_their_own_format_and_expire()
    {
        var token = PartnerKeyToken.Create("ptn_abcdefghijkmnpqrstuv", "pky_abcdefghijkmnpqrstuv");
        Assert.True(PartnerKeyToken.TryParse(token.ToString(), out var parsed));
        Assert.Equal(token, parsed);
        Assert.False(PartnerKeyToken.TryParse("cgk.acme.key_x.secret", out _));
        Assert.False(PartnerKeyToken.TryParse("cgp.a.b", out _));
        Assert.False(new PartnerKey("pky_x", "k", "h", Now, Now.AddDays(1)).IsUsableAt(Now.AddDays(1)));
        Assert.False(new PartnerKey("pky_x", "k", "h", Now, Now.AddDays(1), RevokedAt: Now).IsUsableAt(Now));
    }

    [Theory]
    [InlineData("Example.ORG.", "example.org")]
    [InlineData("jobs.example.co.uk", "jobs.example.co.uk")]
    public void Verified_domains_are_domain_names(string given, string stored) =>
        Assert.Equal(stored, PartnerRules.RequireDomain(given, "input.verifiedDomain"));

    [Theory]
    [InlineData("https://example.org")]
    [InlineData("example")]
    [InlineData("-bad.example.org")]
    [InlineData("")]
    public void Anything_else_is_refused_as_a_domain(string given) =>
        Assert.Equal("input.verifiedDomain", Assert.Throws<CertGridException>(() => PartnerRules.RequireDomain(given, "input.verifiedDomain")).Field);

    [Fact]
    public void Grants_carry_known_scopes_only()
    {
        Assert.Equal(["talent:search"], PartnerRules.RequireScopes(["talent:search", "talent:search"], "input.scopes"));
        Assert.Contains("Known scopes", Assert.Throws<CertGridException>(() => PartnerRules.RequireScopes(["learners:read"], "input.scopes")).Message);
        Assert.Throws<CertGridException>(() => PartnerRules.RequireScopes([], "input.scopes"));
    }
}
