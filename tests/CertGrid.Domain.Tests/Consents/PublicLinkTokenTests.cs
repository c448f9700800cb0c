using CertGrid.Domain.Consents;
using CertGrid.Domain.Consents.PublicLinks;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Tests.Consents;

public sealed class PublicLinkTokenTests
{
    [Fact]
    public void Tokens_are_unguessable_url_safe_and_found_by_their_hash()
    {
        var tokens = Enumerable.Range(0, 500).Select(_ => PublicLinkToken.New()).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.True(PublicLinkToken.IsWellFormed(t), t));
        Assert.All(tokens, t => Assert.Equal(Uri.EscapeDataString(t), t));
        Assert.Equal(64, PublicLinkToken.Hash(tokens[0]).Length);
        Assert.Equal(PublicLinkToken.Hash(tokens[0]), PublicLinkToken.Hash(tokens[0]));
        Assert.NotEqual(PublicLinkToken.Hash(tokens[0]), PublicLinkToken.Hash(tokens[1]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_else_is_refused_before_a_lookup(string? token) => Assert.False(PublicLinkToken.IsWellFormed(token));

    [Theory]
    [InlineData(29)]
    [InlineData(3651)]
    [InlineData(-1)]
    public void Retention_outside_30_to_3650_days_is_refused_naming_the_field(int days)
    {
        var refused = Assert.Throws<CertGridException>(() => PartnerAccessRetention.Validate(days, "days"));
        Assert.Equal(ErrorCode.ValidationFailed, refused.Code);
        Assert.Contains("between 30 and 3650 days", refused.Message);
    }

    [Fact]
    public void The_cutoff_is_the_retention_period_before_now()
    {
        var now = new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);
        Assert.Equal(now.AddDays(-730), PartnerAccessRetention.Cutoff(now, PartnerAccessRetention.DefaultDays));
    }
}
