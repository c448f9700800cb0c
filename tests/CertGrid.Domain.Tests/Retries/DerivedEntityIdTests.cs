using System.Text;
using CertGrid.Domain.Retries;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Tests.Retries;

public class DerivedEntityIdTests
{
    private static readonly byte[] Seed = Encoding.UTF8.GetBytes("acme/key_one/8e03978e");

    [Fact]
    public void The_same_seed_kind_and_place_give_the_same_valid_id()
    {
        var id = DerivedEntityId.From(Seed, IdPrefixes.Attempt, "submitAttempt");

        Assert.Equal(id, DerivedEntityId.From(Seed, IdPrefixes.Attempt, "submitAttempt"));
        Assert.True(EntityId.IsValid(id, IdPrefixes.Attempt));
        Assert.Equal(IdPrefixes.Attempt.Length + 1 + EntityId.RandomLength, id.Length);
    }

    [Fact]
    public void Another_key_kind_or_place_gives_another_id()
    {
        var id = DerivedEntityId.From(Seed, IdPrefixes.Learner, "enrolLearner");

        Assert.NotEqual(id, DerivedEntityId.From(Encoding.UTF8.GetBytes("acme/key_one/8e03978f"), IdPrefixes.Learner, "enrolLearner"));
        Assert.NotEqual(id, DerivedEntityId.From(Seed, IdPrefixes.Learner, "second"));
        Assert.NotEqual(id[IdPrefixes.Learner.Length..], DerivedEntityId.From(Seed, IdPrefixes.Attempt, "enrolLearner")[IdPrefixes.Attempt.Length..]);
    }

    [Fact]
    public void Derived_ids_use_the_whole_alphabet()
    {
        var characters = Enumerable.Range(0, 200).SelectMany(i => DerivedEntityId.From(Seed, IdPrefixes.Learner, $"f{i}")[(IdPrefixes.Learner.Length + 1)..]).ToHashSet();
        Assert.Equal(EntityId.Alphabet.ToHashSet(), characters);
    }
}
