using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Tests.Tenancy;

public class CommunityIdTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("acme-guild")]
    [InlineData("a2z")]
    [InlineData("x-1-2-3")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abcd")] // 40
    public void IsValid_accepts_lowercase_slugs_of_3_to_40_starting_with_a_letter(string value)
    {
        Assert.True(CommunityId.IsValid(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abcde")] // 41
    [InlineData("1acme")]
    [InlineData("-acme")]
    [InlineData("Acme")]
    [InlineData("acme_guild")]
    [InlineData("acme guild")]
    [InlineData("acme/guild")]
    [InlineData("acme.guild")]
    [InlineData("acmé")]
    public void IsValid_rejects_everything_else(string? value)
    {
        Assert.False(CommunityId.IsValid(value));
    }

    [Theory]
    [InlineData("acme\n")]
    [InlineData("acme-guild\n")]
    public void IsValid_rejects_a_trailing_newline(string value)
    {
        // IsValid guards raw URL segments and API key parts (PublicRoutes, ApiKeyAuthenticator), which are not trimmed.
        Assert.False(CommunityId.IsValid(value));
    }

    [Fact]
    public void Require_trims_and_lowercases()
    {
        Assert.Equal("acme-guild", CommunityId.Require("  Acme-GUILD "));
    }

    [Fact]
    public void Require_rejects_an_invalid_slug_naming_the_field()
    {
        var plain = Assert.Throws<CertGridException>(() => CommunityId.Require("a/b"));
        var named = Assert.Throws<CertGridException>(() => CommunityId.Require(null, "input.community"));

        Assert.Equal(ErrorCode.ValidationFailed, plain.Code);
        Assert.Equal("communityId", plain.Field);
        Assert.Contains("3 to 40 characters", plain.Message, StringComparison.Ordinal);
        Assert.Equal("input.community", named.Field);
    }
}
