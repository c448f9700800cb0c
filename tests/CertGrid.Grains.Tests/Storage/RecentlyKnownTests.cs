using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Tests.Storage;

/// <summary>A single writer's memory of its rows: bounded, and a burst of new rows never makes it forget the recent ones.</summary>
public sealed class RecentlyKnownTests
{
    private sealed record Row(int Number);

    [Fact]
    public void A_burst_past_the_capacity_keeps_at_least_the_most_recent_half_and_stays_bounded()
    {
        var known = new RecentlyKnown<Row>(capacity: 100);
        for (var i = 0; i < 1_000; i++)
        {
            known.Remember($"k{i}", new Row(i));
            Assert.True(known.Count <= 100, $"{known.Count} rows remembered after {i + 1}");
        }

        foreach (var i in Enumerable.Range(950, 50))
        {
            Assert.True(known.TryGet($"k{i}", out var row));
            Assert.Equal(i, row!.Number);
        }

        Assert.False(known.TryGet("k0", out _));
        Assert.False(known.TryGet("k899", out _));
    }

    [Fact]
    public void A_row_known_to_be_absent_is_known_and_remembering_again_or_forgetting_leaves_one_answer()
    {
        var known = new RecentlyKnown<Row>(capacity: 4);
        known.Remember("gone", null);
        Assert.True(known.TryGet("gone", out var absent));
        Assert.Null(absent);

        known.Remember("a", new Row(1));
        known.Remember("b", new Row(2)); // "gone" and "a" are now the older generation
        known.Remember("a", new Row(3)); // moves to the newer one, replacing what the older held
        Assert.True(known.TryGet("a", out var a));
        Assert.Equal(3, a!.Number);
        Assert.Equal(3, known.Count);

        known.Forget("a");
        known.Forget("gone");
        Assert.False(known.TryGet("a", out _));
        Assert.False(known.TryGet("gone", out _));
        Assert.True(known.TryGet("b", out _));
    }
}
