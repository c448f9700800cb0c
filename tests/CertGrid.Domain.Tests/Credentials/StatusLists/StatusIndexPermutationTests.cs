using CertGrid.Domain.Credentials.StatusLists;

namespace CertGrid.Domain.Tests.Credentials.StatusLists;

public sealed class StatusIndexPermutationTests
{
    [Fact]
    public void Ordinals_of_a_full_size_list_get_indexes_of_their_own_and_each_index_leads_back_to_its_ordinal()
    {
        var permutation = new StatusIndexPermutation(StatusIndexPermutation.NewKey());
        var seen = new bool[Bitstring.MinimumLength];

        // The first 10,000 and the last 2,000 ordinals (every ordinal of smaller lists is checked below).
        foreach (var ordinal in Enumerable.Range(0, 10_000).Concat(Enumerable.Range(Bitstring.MinimumLength - 2_000, 2_000)))
        {
            var index = permutation.IndexOf(ordinal);
            Assert.False(seen[index], $"index {index} was handed out twice");
            seen[index] = true;
            Assert.Equal(ordinal, permutation.OrdinalOf(index));
        }
    }

    [Fact]
    public void Indexes_in_issuing_order_are_scattered_over_the_whole_list()
    {
        var indexes = Enumerable.Range(0, 5_000).Select(new StatusIndexPermutation(StatusIndexPermutation.NewKey()).IndexOf).ToList();

        Assert.NotEqual(indexes.Order(), indexes);
        Assert.True(indexes.Min() < 1_000 && indexes.Max() > 130_000, "indexes should spread over the whole list");
        // Consecutive credentials must not sit next to each other: most neighbours in issuing order are far apart.
        var close = indexes.Zip(indexes.Skip(1)).Count(pair => Math.Abs(pair.First - pair.Second) < 1_000);
        Assert.True(close < 100, $"{close} of 4,999 consecutive pairs are within 1,000 indexes of each other");
    }

    [Fact]
    public void Lists_with_different_keys_order_their_indexes_differently_and_one_key_always_gives_the_same_order()
    {
        var key = StatusIndexPermutation.NewKey();
        var first = Enumerable.Range(0, 100).Select(new StatusIndexPermutation(key).IndexOf).ToList();
        var again = Enumerable.Range(0, 100).Select(new StatusIndexPermutation(key).IndexOf).ToList();
        var other = Enumerable.Range(0, 100).Select(new StatusIndexPermutation(StatusIndexPermutation.NewKey()).IndexOf).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1_000)]
    [InlineData(4_097)]
    public void Lengths_that_are_not_a_power_of_two_are_permuted_into_range(int length)
    {
        var permutation = new StatusIndexPermutation(StatusIndexPermutation.NewKey(), length);

        var indexes = Enumerable.Range(0, length).Select(permutation.IndexOf).ToList();

        Assert.Equal(Enumerable.Range(0, length), indexes.Order());
    }

    [Fact]
    public void Ordinals_outside_the_list_and_short_keys_are_refused()
    {
        var permutation = new StatusIndexPermutation(StatusIndexPermutation.NewKey());

        Assert.Throws<ArgumentOutOfRangeException>(() => permutation.IndexOf(Bitstring.MinimumLength));
        Assert.Throws<ArgumentOutOfRangeException>(() => permutation.OrdinalOf(-1));
        Assert.Throws<ArgumentException>(() => new StatusIndexPermutation(new byte[8]));
    }
}
