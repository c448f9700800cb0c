using System.Security.Cryptography;
using System.Text;
using CertGrid.Domain.Audit;

namespace CertGrid.Domain.Tests.Audit;

/// <summary>
/// The audit chain commits to each entry's details with a salted hash, so a person's details can be erased and the chain
/// still verifies (online and as JSON Lines), while chains written before salting keep verifying unchanged.
/// </summary>
public class AuditPayloadErasureTests
{
    private static List<AuditEntry> SaltedChain(int length, Faker faker)
    {
        var entries = new List<AuditEntry>();
        var head = ChainHead.Empty;
        for (var i = 0; i < length; i++)
        {
            var details = $$"""{"name":"{{faker.Name.FullName()}}","organisation":"{{faker.Company.CompanyName()}}"}""";
            var entry = AuditChain.Append(head, new AuditEvent($"evt-{i}", faker.Date.RecentOffset(), Actors.Learner($"lrn_{i % 3}"), "learner.enrolled", $"lrn_{i % 3}", details), AuditChain.NewSalt());
            entries.Add(entry);
            head = ChainHead.Of(entry);
        }

        return entries;
    }

    [Fact]
    public void A_salted_commitment_does_not_reveal_the_details_and_differs_per_entry()
    {
        var evt = new AuditEvent("e", DateTimeOffset.UnixEpoch, Actors.System, "a", "s", """{"name":"Ada Lovelace"}""");
        var one = AuditChain.Append(ChainHead.Empty, evt, AuditChain.NewSalt());
        var two = AuditChain.Append(ChainHead.Empty, evt, AuditChain.NewSalt());

        Assert.Matches("^[0-9a-f]{32}$", one.PayloadSalt!);
        Assert.NotEqual(one.PayloadHash, two.PayloadHash);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(evt.Details))), one.PayloadHash);
        Assert.Equal(AuditChain.Commitment(one.PayloadSalt, evt.Details), one.PayloadHash);
    }

    [Fact]
    public void Erasing_details_keeps_the_chain_verifying_online_and_as_json_lines()
    {
        var faker = new Faker { Random = new Randomizer(17) };
        var entries = SaltedChain(30, faker);
        var erased = entries.Select(e => e.Subject == "lrn_1" ? AuditChain.ErasePayload(e) : e).ToList();

        Assert.Equal(10, erased.Count(e => e.PayloadErased));
        Assert.All(erased.Where(e => e.PayloadErased), e => Assert.True(e.Details.Length == 0 && e.PayloadSalt is null));
        Assert.True(AuditChain.Verify(erased).Intact);
        var file = AuditJsonLines.Verify(erased.Select(AuditJsonLines.Write), ChainHead.Of(entries[^1]));
        Assert.True(file.Intact, file.Problem);
        Assert.Equal(erased, erased.Select(AuditJsonLines.Write).Select(AuditJsonLines.Read));
    }

    [Fact]
    public void Altering_a_salted_entry_or_smuggling_details_into_an_erased_one_breaks_the_chain()
    {
        var faker = new Faker { Random = new Randomizer(3) };
        var entries = SaltedChain(6, faker);
        var altered = entries.ToList();
        altered[2] = altered[2] with { Details = altered[2].Details.Replace("\"name\":\"", "\"name\":\"X", StringComparison.Ordinal) };
        Assert.Equal(3, AuditChain.Verify(altered).FirstBrokenSequence);

        var resalted = entries.ToList();
        resalted[3] = resalted[3] with { PayloadSalt = AuditChain.NewSalt() };
        Assert.Equal(4, AuditChain.Verify(resalted).FirstBrokenSequence);

        var smuggled = entries.ToList();
        smuggled[4] = AuditChain.ErasePayload(smuggled[4]) with { Details = "{}" };
        var result = AuditChain.Verify(smuggled);
        Assert.Equal(5, result.FirstBrokenSequence);
        Assert.Contains("marked erased", result.Problem, StringComparison.Ordinal);

        var rehashed = entries.ToList();
        rehashed[1] = AuditChain.ErasePayload(rehashed[1]) with { PayloadHash = new string('0', 64) };
        Assert.Equal(2, AuditChain.Verify(rehashed).FirstBrokenSequence);
    }

    [Fact]
    public void A_line_exported_before_salting_reads_and_verifies_unchanged()
    {
        var legacy = AuditChain.Append(ChainHead.Empty, new AuditEvent("e", DateTimeOffset.UnixEpoch, Actors.System, "a", "s", """{"x":1}"""));
        var line = AuditJsonLines.Write(legacy)
            .Replace(",\"payloadSalt\":null", string.Empty, StringComparison.Ordinal)
            .Replace(",\"payloadErased\":false", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("payloadSalt", line, StringComparison.Ordinal);

        var read = AuditJsonLines.Read(line);
        Assert.Equal(legacy, read);
        Assert.True(AuditJsonLines.Verify([line]).Intact);
    }

    [Fact]
    public void Mentions_match_the_actor_the_subject_or_the_details()
    {
        var entry = AuditChain.Append(ChainHead.Empty, new AuditEvent("e", DateTimeOffset.UnixEpoch, Actors.Learner("lrn_a"), "attempt.submitted", "att_b", """{"credentialId":"vc_c"}"""));

        Assert.True(AuditMentions.Any(entry, ["lrn_a"]));
        Assert.True(AuditMentions.Any(entry, ["att_b"]));
        Assert.True(AuditMentions.Any(entry, ["vc_c"]));
        Assert.False(AuditMentions.Any(entry, ["lrn_z", string.Empty]));
    }
}
