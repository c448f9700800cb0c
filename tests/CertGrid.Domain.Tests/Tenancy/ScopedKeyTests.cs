using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Tests.Tenancy;

public class ScopedKeyTests
{
    [Fact]
    public void Parse_splits_community_and_id_at_the_first_separator()
    {
        var key = ScopedKey.Parse("acme-guild/lrn_4k2m9qpz7x3n8r5t6w2y");

        Assert.Equal(new ScopedKey("acme-guild", "lrn_4k2m9qpz7x3n8r5t6w2y"), key);
        Assert.Equal("acme-guild/lrn_4k2m9qpz7x3n8r5t6w2y", key.ToString());
    }

    [Fact]
    public void Parse_keeps_further_separators_in_the_id()
    {
        var key = ScopedKey.Parse("acme/att_abcdefghij/review");

        Assert.Equal("acme", key.Community);
        Assert.Equal("att_abcdefghij/review", key.Id);
    }

    [Theory]
    [InlineData("lrn_4k2m9qpz7x3n8r5t6w2y")]
    [InlineData("/lrn_4k2m9qpz7x3n8r5t6w2y")]
    [InlineData("acme/")]
    [InlineData("/")]
    [InlineData("")]
    public void Parse_rejects_a_key_without_a_community_and_an_id(string text)
    {
        var error = Assert.Throws<CertGridException>(() => ScopedKey.Parse(text));

        Assert.Equal(ErrorCode.Internal, error.Code);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not carry a community", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_and_parse_round_trip_for_random_communities_and_ids()
    {
        var faker = new Faker { Random = new Randomizer(40) };
        for (var i = 0; i < 300; i++)
        {
            var community = CommunityId.Require(faker.Random.String2(1, "abcdefghijklmnopqrstuvwxyz") + faker.Random.String2(faker.Random.Int(2, 39), "abcdefghijklmnopqrstuvwxyz0123456789-"));
            var key = new ScopedKey(community, EntityId.New(faker.PickRandom(IdPrefixes.Learner, IdPrefixes.Credential, IdPrefixes.Attempt)));

            Assert.Equal(key, ScopedKey.Parse(key.ToString()));
        }
    }
}
