using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CertGrid.Domain.Audit;

namespace CertGrid.Domain.Tests.Audit;

public class AuditChainTests
{
    private static readonly string[] ActionNames =
        ["learner.enrolled", "attempt.submitted", "review.recorded", "credential.issued", "credential.revoked", "key.created"];

    private static AuditEvent RandomEvent(Faker faker, int n) => new(
        $"evt-{n}-{faker.Random.AlphaNumeric(8)}",
        // Sub-millisecond ticks on purpose: Append must truncate them.
        new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(faker.Random.Int(-11, 12))).AddTicks(faker.Random.Long(0, TimeSpan.TicksPerDay * 365)),
        faker.PickRandom(Actors.Admin(faker.Random.AlphaNumeric(10)), Actors.Learner(faker.Random.AlphaNumeric(10)), Actors.System, Actors.Operator),
        faker.PickRandom(ActionNames),
        $"acme/lrn_{faker.Random.AlphaNumeric(20)}",
        $$"""{"note":"{{faker.Lorem.Sentence()}}","amount":{{faker.Random.Int(0, 1000)}},"name":"{{faker.Name.FullName()}} ✓"}""");

    private static List<AuditEntry> Chain(int length, int seed = 7)
    {
        var faker = new Faker { Random = new Randomizer(seed) };
        var entries = new List<AuditEntry>(length);
        var head = ChainHead.Empty;
        for (var i = 0; i < length; i++)
        {
            var entry = AuditChain.Append(head, RandomEvent(faker, i));
            entries.Add(entry);
            head = ChainHead.Of(entry);
        }

        return entries;
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void AssertBrokenAt(ChainVerification result, long sequence, long checkedBefore, string problemFragment)
    {
        Assert.False(result.Intact);
        Assert.Equal(sequence, result.FirstBrokenSequence);
        Assert.Equal(checkedBefore, result.EntriesChecked);
        Assert.NotNull(result.Problem);
        Assert.Contains(problemFragment, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_head_starts_at_sequence_zero_on_the_genesis_hash()
    {
        Assert.Equal(0, ChainHead.Empty.Sequence);
        Assert.Equal(new string('0', 64), ChainHead.Empty.Hash);
        Assert.Equal(AuditChain.Genesis, ChainHead.Empty.Hash);
    }

    [Fact]
    public void Head_of_an_entry_carries_its_sequence_and_hash()
    {
        var entry = Chain(3)[2];

        Assert.Equal(new ChainHead(3, entry.Hash), ChainHead.Of(entry));
    }

    [Fact]
    public void Append_numbers_entries_from_one_and_links_each_to_the_previous_hash()
    {
        var entries = Chain(12);

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(AuditChain.Genesis, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        }

        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.Equal(entries.Count, entries.Select(e => e.Hash).Distinct().Count());
    }

    [Fact]
    public void Append_keeps_the_event_and_hashes_its_details()
    {
        var evt = new AuditEvent("evt-1", DateTimeOffset.UnixEpoch.AddDays(20000), Actors.Evaluator("evl_abc"), "review.recorded", "acme/att_1", """{"score":82.5}""");

        var entry = AuditChain.Append(ChainHead.Empty, evt);

        Assert.Equal("evt-1", entry.EventId);
        Assert.Equal("evaluator:evl_abc", entry.Actor);
        Assert.Equal("review.recorded", entry.Action);
        Assert.Equal("acme/att_1", entry.Subject);
        Assert.Equal("""{"score":82.5}""", entry.Details);
        Assert.Equal(Sha256Hex("""{"score":82.5}"""), entry.PayloadHash);
    }

    [Fact]
    public void Append_is_deterministic_and_depends_on_the_head()
    {
        var evt = new AuditEvent("evt-1", DateTimeOffset.UnixEpoch, Actors.System, "a", "s", "{}");

        var first = AuditChain.Append(ChainHead.Empty, evt);
        var again = AuditChain.Append(ChainHead.Empty, evt);
        var elsewhere = AuditChain.Append(new ChainHead(0, new string('f', 64)), evt);
        var later = AuditChain.Append(new ChainHead(1, AuditChain.Genesis), evt);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Hash, elsewhere.Hash);
        Assert.NotEqual(first.Hash, later.Hash);
        Assert.Equal(2, later.Sequence);
    }

    [Fact]
    public void Append_encodes_fields_so_that_none_can_bleed_into_the_next()
    {
        var at = DateTimeOffset.UnixEpoch;
        var one = AuditChain.Append(ChainHead.Empty, new AuditEvent("e", at, "admin:a", "bc", "s", "{}"));
        var two = AuditChain.Append(ChainHead.Empty, new AuditEvent("e", at, "admin:ab", "c", "s", "{}"));
        var three = AuditChain.Append(ChainHead.Empty, new AuditEvent("e", at, "admin:a\",\"b", "c", "s", "{}"));

        Assert.NotEqual(one.Hash, two.Hash);
        Assert.NotEqual(two.Hash, three.Hash);
        Assert.NotEqual(one.Hash, three.Hash);
    }

    [Fact]
    public void Append_truncates_the_time_to_whole_milliseconds_in_utc()
    {
        var at = new DateTimeOffset(2025, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(2)).AddTicks(4567);

        var entry = AuditChain.Append(ChainHead.Empty, new AuditEvent("e", at, Actors.System, "a", "s", "{}"));

        Assert.Equal(new DateTimeOffset(2025, 5, 6, 5, 8, 9, 123, TimeSpan.Zero), entry.At);
        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
    }

    [Fact]
    public void Append_gives_the_same_hash_to_times_within_the_same_millisecond()
    {
        var at = new DateTimeOffset(2025, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);

        var exact = AuditChain.Append(ChainHead.Empty, new AuditEvent("e", at, Actors.System, "a", "s", "{}"));
        var later = AuditChain.Append(ChainHead.Empty, new AuditEvent("e", at.AddTicks(9999), Actors.System, "a", "s", "{}"));
        var nextMs = AuditChain.Append(ChainHead.Empty, new AuditEvent("e", at.AddTicks(10000), Actors.System, "a", "s", "{}"));

        Assert.Equal(exact.Hash, later.Hash);
        Assert.NotEqual(exact.Hash, nextMs.Hash);
    }

    [Fact]
    public void Verify_accepts_a_chain_whose_times_were_round_tripped_through_text()
    {
        var entries = Chain(20);

        var roundTripped = entries
            .Select(e => e with { At = DateTimeOffset.Parse(e.At.ToString("O", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) })
            .ToList();
        var inOtherOffsets = entries.Select((e, i) => e with { At = e.At.ToOffset(TimeSpan.FromHours((i % 5) - 2)) }).ToList();

        Assert.True(AuditChain.Verify(roundTripped).Intact);
        Assert.True(AuditChain.Verify(inOtherOffsets).Intact);
    }

    [Fact]
    public void Verify_accepts_an_intact_chain()
    {
        var chain = Chain(25);
        var result = AuditChain.Verify(chain);

        Assert.Equal(new ChainVerification(true, 25, null, null, chain[^1].Hash), result);
    }

    [Fact]
    public void Verify_accepts_an_empty_chain()
    {
        Assert.Equal(new ChainVerification(true, 0, null, null, AuditChain.Genesis), AuditChain.Verify([]));
    }

    [Fact]
    public void Verify_detects_altered_details()
    {
        var entries = Chain(6);
        entries[2] = entries[2] with { Details = entries[2].Details.Replace("amount", "amount2", StringComparison.Ordinal) };

        AssertBrokenAt(AuditChain.Verify(entries), 3, 2, "details were altered");
    }

    [Fact]
    public void Verify_detects_altered_details_even_with_a_recomputed_payload_hash()
    {
        var entries = Chain(6);
        var forged = """{"note":"nothing happened"}""";
        entries[2] = entries[2] with { Details = forged, PayloadHash = Sha256Hex(forged) };

        AssertBrokenAt(AuditChain.Verify(entries), 3, 2, "hash does not match its contents");
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("action")]
    [InlineData("subject")]
    [InlineData("at")]
    public void Verify_detects_an_altered_field(string field)
    {
        var entries = Chain(6);
        var original = entries[3];
        entries[3] = field switch
        {
            "actor" => original with { Actor = Actors.Operator },
            "action" => original with { Action = "credential.deleted" },
            "subject" => original with { Subject = "acme/lrn_someoneelse" },
            _ => original with { At = original.At.AddMilliseconds(1) },
        };

        AssertBrokenAt(AuditChain.Verify(entries), 4, 3, "hash does not match its contents");
    }

    [Fact]
    public void Verify_does_not_cover_the_event_id_which_is_only_an_idempotency_key()
    {
        var entries = Chain(4);
        entries[1] = entries[1] with { EventId = "evt-other" };

        Assert.True(AuditChain.Verify(entries).Intact);
    }

    [Fact]
    public void Verify_detects_an_altered_hash()
    {
        var entries = Chain(6);
        entries[1] = entries[1] with { Hash = Sha256Hex("forged") };

        AssertBrokenAt(AuditChain.Verify(entries), 2, 1, "hash does not match its contents");
    }

    [Fact]
    public void Verify_detects_an_altered_hash_of_the_last_entry()
    {
        var entries = Chain(6);
        entries[5] = entries[5] with { Hash = new string('a', 64) };

        AssertBrokenAt(AuditChain.Verify(entries), 6, 5, "hash does not match its contents");
    }

    [Fact]
    public void Verify_detects_a_relinked_previous_hash()
    {
        var entries = Chain(6);
        entries[4] = entries[4] with { PreviousHash = entries[2].Hash };

        AssertBrokenAt(AuditChain.Verify(entries), 5, 4, "previous-hash does not match");
    }

    [Fact]
    public void Verify_detects_an_entry_removed_from_the_middle()
    {
        var entries = Chain(6);
        entries.RemoveAt(2);

        var result = AuditChain.Verify(entries);

        AssertBrokenAt(result, 4, 2, "expected entry 3 but found 4");
        Assert.Contains("removed or reordered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_detects_the_first_entry_removed()
    {
        var entries = Chain(6);
        entries.RemoveAt(0);

        AssertBrokenAt(AuditChain.Verify(entries), 2, 0, "expected entry 1 but found 2");
    }

    [Fact]
    public void Verify_detects_a_removed_entry_even_when_the_rest_are_renumbered()
    {
        var entries = Chain(6);
        entries.RemoveAt(2);
        for (var i = 2; i < entries.Count; i++)
        {
            entries[i] = entries[i] with { Sequence = i + 1 };
        }

        AssertBrokenAt(AuditChain.Verify(entries), 3, 2, "previous-hash does not match");
    }

    [Fact]
    public void Verify_detects_reordered_entries()
    {
        var entries = Chain(6);
        (entries[1], entries[2]) = (entries[2], entries[1]);

        AssertBrokenAt(AuditChain.Verify(entries), 3, 1, "expected entry 2 but found 3");
    }

    [Fact]
    public void Verify_detects_a_forged_entry_inserted_with_a_valid_hash()
    {
        var entries = Chain(6);
        var forged = AuditChain.Append(ChainHead.Of(entries[1]),
            new AuditEvent("evt-forged", entries[1].At, Actors.Operator, "credential.issued", "acme/vc_forged", "{}"));
        entries.Insert(2, forged);

        // The forgery itself links correctly; the original third entry after it no longer does.
        AssertBrokenAt(AuditChain.Verify(entries), 3, 3, "expected entry 4 but found 3");
    }

    [Fact]
    public void Verify_detects_a_forged_entry_inserted_with_the_rest_renumbered()
    {
        var entries = Chain(6);
        var forged = AuditChain.Append(ChainHead.Of(entries[1]),
            new AuditEvent("evt-forged", entries[1].At, Actors.Operator, "credential.issued", "acme/vc_forged", "{}"));
        entries.Insert(2, forged);
        for (var i = 3; i < entries.Count; i++)
        {
            entries[i] = entries[i] with { Sequence = i + 1 };
        }

        AssertBrokenAt(AuditChain.Verify(entries), 4, 3, "previous-hash does not match");
    }

    [Fact]
    public void Verify_reports_only_the_first_break()
    {
        var entries = Chain(8);
        entries[2] = entries[2] with { Actor = "admin:mallory" };
        entries[6] = entries[6] with { Details = "{}" };

        AssertBrokenAt(AuditChain.Verify(entries), 3, 2, "hash does not match its contents");
    }

    [Fact]
    public void Verifier_stops_after_the_first_failure()
    {
        var entries = Chain(5);
        var verifier = new AuditChain.Verifier();

        Assert.True(verifier.Check(entries[0]));
        Assert.True(verifier.Check(entries[1]));
        Assert.False(verifier.Check(entries[2] with { Subject = "tampered" }));
        var failure = verifier.Result;

        // Even the genuine entry 3 and the rest are refused now, and the result does not change.
        Assert.False(verifier.Check(entries[2]));
        Assert.False(verifier.Check(entries[3]));
        Assert.Equal(failure, verifier.Result);
        AssertBrokenAt(verifier.Result, 3, 2, "hash does not match");
    }

    [Fact]
    public void Verifier_checked_one_at_a_time_agrees_with_verify()
    {
        var entries = Chain(10);
        var verifier = new AuditChain.Verifier();
        Assert.Equal(new ChainVerification(true, 0, null, null, AuditChain.Genesis), verifier.Result);

        foreach (var entry in entries)
        {
            Assert.True(verifier.Check(entry));
        }

        Assert.Equal(AuditChain.Verify(entries), verifier.Result);
    }

    [Fact]
    public void Verify_finds_any_single_tampering_at_the_entry_tampered()
    {
        var faker = new Faker { Random = new Randomizer(99) };
        for (var run = 0; run < 200; run++)
        {
            var entries = Chain(faker.Random.Int(1, 30), seed: run);
            var index = faker.Random.Int(0, entries.Count - 1);
            var e = entries[index];
            entries[index] = faker.Random.Int(0, 6) switch
            {
                0 => e with { Details = e.Details + " " },
                1 => e with { Actor = e.Actor + "x" },
                2 => e with { Action = faker.Hacker.Verb() + "." + e.Action },
                3 => e with { Subject = e.Subject.ToUpperInvariant() },
                4 => e with { At = e.At.AddMilliseconds(faker.Random.Int(1, 100000) * (faker.Random.Bool() ? 1 : -1)) },
                5 => e with { Hash = Sha256Hex(e.Hash) },
                _ => e with { PreviousHash = Sha256Hex(e.PreviousHash) },
            };

            var result = AuditChain.Verify(entries);

            Assert.False(result.Intact);
            Assert.Equal(index + 1, result.FirstBrokenSequence);
            Assert.Equal(index, result.EntriesChecked);
            Assert.False(string.IsNullOrWhiteSpace(result.Problem));
        }
    }
}
