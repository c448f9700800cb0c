using CertGrid.Api.Credentials;
using CertGrid.Domain.Credentials;

namespace CertGrid.Api.Tests.Publishing;

/// <summary>
/// The gateway's bounded store of verification results: keyed by the credential's SHA-256, used only in the epoch
/// and before the instant it was computed for, and when full it evicts the least recently read entries, not all.
/// </summary>
public sealed class RecentVerificationResultsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void When_full_the_least_recently_read_entries_go_and_the_recently_read_ones_stay()
    {
        using var results = new RecentVerificationResults(capacity: 100);
        var keys = Enumerable.Range(0, 101).Select(i => RecentVerificationResults.KeyOf($"eyJ.credential-{i}.sig")).ToArray();
        for (var i = 0; i < 100; i++)
        {
            results.Remember(keys[i], Entry(epoch: 1));
        }

        // The first ten are read again, later than anything else was written.
        Thread.Sleep(20);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(results.TryGet(keys[i], 1, Now, out _));
        }

        Thread.Sleep(20);
        results.Remember(keys[100], Entry(epoch: 1));

        // Compaction runs beside the writer: wait for it to make room.
        var until = DateTime.UtcNow.AddSeconds(5);
        while (results.Count >= 100 && DateTime.UtcNow < until)
        {
            Thread.Sleep(10);
        }

        Assert.InRange(results.Count, 80, 99);
        Assert.All(keys[..10], key => Assert.True(results.TryGet(key, 1, Now, out _), "a recently read entry was evicted"));
        Assert.All(keys[10..15], key => Assert.False(results.TryGet(key, 1, Now, out _), "the oldest unread entries were kept"));
        Assert.All(keys[90..100], key => Assert.True(results.TryGet(key, 1, Now, out _), "the newest entries were evicted"));
    }

    [Fact]
    public void A_result_is_not_used_once_the_epoch_moved_nor_at_its_recheck_instant()
    {
        using var results = new RecentVerificationResults(capacity: 100);
        var key = RecentVerificationResults.KeyOf("eyJ.one.sig");
        results.Remember(key, Entry(epoch: 7));

        Assert.True(results.TryGet(key, 7, Now, out var entry));
        Assert.True(entry.Result.Valid);
        Assert.False(results.TryGet(key, 8, Now, out _));
        Assert.False(results.TryGet(key, 7, Now.AddSeconds(30), out _));

        // A fresh computation in the new epoch replaces the stale one.
        results.Remember(key, Entry(epoch: 8, valid: false));
        Assert.True(results.TryGet(key, 8, Now, out entry));
        Assert.False(entry.Result.Valid);
    }

    [Fact]
    public void Keys_are_the_credentials_sha256_so_two_credentials_never_share_an_entry()
    {
        var credential = "eyJhbGciOiJFUzI1NiJ9." + new string('x', 8_000) + ".sig";
        var key = RecentVerificationResults.KeyOf(credential);

        Assert.Equal(44, key.Length);
        Assert.Equal(key, RecentVerificationResults.KeyOf(string.Concat(credential.AsSpan(0, 10), credential.AsSpan(10))));
        Assert.NotEqual(key, RecentVerificationResults.KeyOf(credential[..^1] + "h"));
    }

    private static RecentVerificationResult Entry(long epoch, bool valid = true) => new(
        new VerificationResult(valid, [new VerificationCheck("signature", valid ? CheckOutcome.Passed : CheckOutcome.Failed, "checked")], "https://x/c/1", null, null, null, null, null),
        epoch,
        Now.AddSeconds(30));
}
