using CertGrid.Api.Retries;

namespace CertGrid.Api.Tests.Retries;

/// <summary>Where a key's record lives, and what the ids a request creates are derived from.</summary>
public sealed class IdempotentRequestTests
{
    [Fact]
    public void One_key_of_one_caller_has_one_record_and_each_request_under_it_its_own_ids()
    {
        var first = IdempotentRequest.For("acme", "key_a", "8e03978e", fingerprint: "f1");
        var sameRequest = IdempotentRequest.For("acme", "key_a", "8e03978e", fingerprint: "f1");
        var otherBody = IdempotentRequest.For("acme", "key_a", "8e03978e", fingerprint: "f2");

        Assert.Equal(first.RecordId, sameRequest.RecordId);
        Assert.Equal(first.Seed, sameRequest.Seed);

        // The same key reused for another request (refused while recorded, allowed once expired) never derives the first one's ids.
        Assert.Equal(first.RecordId, otherBody.RecordId);
        Assert.NotEqual(first.Seed, otherBody.Seed);
    }

    [Theory]
    [InlineData("other", "key_a")]
    [InlineData("acme", "key_b")]
    public void Another_community_or_api_key_has_its_own_record(string community, string principal)
    {
        var mine = IdempotentRequest.For("acme", "key_a", "8e03978e", "f1");
        var theirs = IdempotentRequest.For(community, principal, "8e03978e", "f1");

        Assert.NotEqual(mine.RecordId, theirs.RecordId);
        Assert.NotEqual(mine.Seed, theirs.Seed);
    }
}
