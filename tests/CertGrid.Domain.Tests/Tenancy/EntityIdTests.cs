using System.Reflection;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Tests.Tenancy;

public class EntityIdTests
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private static string[] AllPrefixes() =>
        typeof(IdPrefixes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

    public static TheoryData<string> Prefixes() => new(AllPrefixes());

    [Fact]
    public void Every_kind_has_its_own_prefix()
    {
        var prefixes = AllPrefixes();

        Assert.NotEmpty(prefixes);
        Assert.Equal(prefixes.Length, prefixes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void New_makes_a_valid_id_of_its_kind(string prefix)
    {
        var id = EntityId.New(prefix);

        Assert.True(EntityId.IsValid(id, prefix), id);
        Assert.StartsWith(prefix + "_", id, StringComparison.Ordinal);
        Assert.Equal(prefix.Length + 1 + 20, id.Length);
        Assert.Equal(id, EntityId.Require($" {id} ", prefix, "id"));
    }

    [Fact]
    public void New_draws_only_from_the_unambiguous_base32_alphabet()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => EntityId.New(IdPrefixes.Learner)).ToList();

        var used = ids.SelectMany(id => id[4..]).ToHashSet();
        Assert.Subset(Alphabet.ToHashSet(), used);
        Assert.DoesNotContain('0', used);
        Assert.DoesNotContain('1', used);
        Assert.DoesNotContain('l', used);
        Assert.DoesNotContain('o', used);
        // 20 000 draws from 32 symbols: every symbol shows up.
        Assert.Equal(32, used.Count);
    }

    [Fact]
    public void New_never_repeats_in_1000_ids()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => EntityId.New(IdPrefixes.Attempt)).ToList();

        Assert.Equal(1000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.True(EntityId.IsValid(id, IdPrefixes.Attempt)));
    }

    [Fact]
    public void IsValid_checks_the_kind()
    {
        var learner = EntityId.New(IdPrefixes.Learner);

        Assert.True(EntityId.IsValid(learner, IdPrefixes.Learner));
        Assert.False(EntityId.IsValid(learner, IdPrefixes.Evaluator));
        Assert.False(EntityId.IsValid(learner, "lr"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lrn")]
    [InlineData("lrn_")]
    [InlineData("lrn_abc")] // too short
    [InlineData("lrnx_abcdefghij")] // another kind that starts the same way
    [InlineData("LRN_abcdefghij")]
    [InlineData("lrn_ABCDEFGHIJ")]
    [InlineData("lrn_abcde-fghij")]
    [InlineData("lrn_abcdefghij/evl_abcdefghij")]
    [InlineData(" lrn_abcdefghij")]
    [InlineData("lrn_abcdefghijabcdefghijabcdefghijabcdefghijx")] // 41 characters after the prefix
    public void IsValid_rejects_malformed_learner_ids(string? value)
    {
        Assert.False(EntityId.IsValid(value, IdPrefixes.Learner));
    }

    [Fact]
    public void IsValid_rejects_a_trailing_newline()
    {
        // IsValid guards raw URL segments and API key parts (PublicRoutes, ApiKeyAuthenticator), which are not trimmed.
        var id = EntityId.New(IdPrefixes.Credential);

        Assert.False(EntityId.IsValid(id + "\n", IdPrefixes.Credential));
    }

    [Fact]
    public void Require_rejects_a_malformed_id_naming_the_field_and_kind()
    {
        var error = Assert.Throws<CertGridException>(() => EntityId.Require("evl_abcdefghij", IdPrefixes.Learner, "input.learnerId"));

        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Equal("input.learnerId", error.Field);
        Assert.Contains("'lrn_'", error.Message, StringComparison.Ordinal);
    }
}
