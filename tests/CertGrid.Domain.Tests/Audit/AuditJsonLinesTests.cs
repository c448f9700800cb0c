using CertGrid.Domain.Audit;

namespace CertGrid.Domain.Tests.Audit;

/// <summary>The exported JSON Lines form: it round-trips exactly, and altering, removing or reordering lines is found.</summary>
public class AuditJsonLinesTests
{
    private static List<string> Export(int length)
    {
        var faker = new Faker { Random = new Randomizer(31) };
        var head = ChainHead.Empty;
        var lines = new List<string>();
        for (var i = 0; i < length; i++)
        {
            var entry = AuditChain.Append(head, new AuditEvent($"evt{i}", new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.FromHours(2)).AddTicks(faker.Random.Long(0, TimeSpan.TicksPerDay)),
                Actors.Evaluator($"evl_{i}"), "review.submitted", $"att_{i}", $$"""{"note":"{{faker.Lorem.Sentence()}} \"quoted\" ✓","n":{{i}}}"""));
            lines.Add(AuditJsonLines.Write(entry));
            head = ChainHead.Of(entry);
        }

        return lines;
    }

    [Fact]
    public void An_exported_chain_round_trips_and_verifies()
    {
        var lines = Export(25);
        var result = AuditJsonLines.Verify(lines);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(25, result.EntriesChecked);
        Assert.Equal(AuditJsonLines.Read(lines[^1]).Hash, result.Head!.Hash);
        Assert.Equal(lines[3], AuditJsonLines.Write(AuditJsonLines.Read(lines[3])));
    }

    [Fact]
    public void Altering_any_field_is_found_at_that_line()
    {
        var lines = Export(10);
        foreach (var (from, to) in new[] { ("review.submitted", "review.deleted"), ("quoted", "changed"), ("evl_4", "evl_9") })
        {
            var tampered = lines.ToList();
            Assert.Contains(from, tampered[4], StringComparison.Ordinal);
            tampered[4] = tampered[4].Replace(from, to, StringComparison.Ordinal);
            var result = AuditJsonLines.Verify(tampered);
            Assert.False(result.Intact);
            Assert.Equal(5, result.FirstBrokenSequence);
            Assert.Equal(5, result.Line);
        }
    }

    [Fact]
    public void Removing_or_reordering_lines_is_found_and_a_trusted_head_catches_a_cut_end()
    {
        var lines = Export(10);
        var removed = lines.Where((_, i) => i != 6).ToList();
        Assert.Equal(8, AuditJsonLines.Verify(removed).FirstBrokenSequence);

        var reordered = lines.ToList();
        (reordered[2], reordered[7]) = (reordered[7], reordered[2]);
        var swapped = AuditJsonLines.Verify(reordered);
        Assert.Equal(3, swapped.Line);
        Assert.Equal(8, swapped.FirstBrokenSequence);
        Assert.Contains("removed or reordered", swapped.Problem, StringComparison.Ordinal);

        var head = AuditJsonLines.Verify(lines).Head!;
        var cut = lines.Take(8).ToList();
        Assert.True(AuditJsonLines.Verify(cut).Intact);
        var against = AuditJsonLines.Verify(cut, head);
        Assert.False(against.Intact);
        Assert.Contains("removed from the end", against.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_is_not_an_entry_is_reported_with_its_number()
    {
        var lines = Export(3);
        lines.Insert(1, "{\"sequence\": 2}");
        var result = AuditJsonLines.Verify(lines);
        Assert.False(result.Intact);
        Assert.Equal(2, result.Line);
        Assert.Contains("not an audit entry", result.Problem, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => AuditJsonLines.Read("not json"));
    }
}
