using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CertGrid.Domain.Audit;

/// <summary>
/// The tamper-evident hash chain of a community's audit log. Each entry's hash covers its sequence, time,
/// actor, action, subject, a salted commitment to its details and the previous entry's hash, so altering, removing
/// or reordering any entry breaks every hash after it. Erasing an entry's details (a learner's right to erasure)
/// removes the details and the salt but keeps the commitment: the chain still verifies, and the entry says it was erased.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous-hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <param name="payloadSalt">The commitment's salt (<see cref="NewSalt"/>); null commits to the plain SHA-256 of the details, as before salting.</param>
    public static AuditEntry Append(ChainHead head, AuditEvent evt, string? payloadSalt = null)
    {
        var sequence = head.Sequence + 1;
        var previousHash = head.Hash;
        var payloadHash = Commitment(payloadSalt, evt.Details);
        // Millisecond precision survives every store and JSON round trip, so the hash stays recomputable.
        var at = new DateTimeOffset(evt.At.UtcTicks - (evt.At.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var hash = EntryHash(sequence, at, evt.Actor, evt.Action, evt.Subject, payloadHash, previousHash);
        return new AuditEntry(sequence, evt.EventId, at, evt.Actor, evt.Action, evt.Subject, evt.Details, payloadHash, previousHash, hash, payloadSalt);
    }

    /// <summary>A fresh random salt for an entry's commitment: 128 bits, as 32 hex digits.</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The commitment an entry's hash covers: SHA-256 of salt then details (of the details alone without a salt).</summary>
    public static string Commitment(string? salt, string details) => Sha256((salt ?? string.Empty) + details);

    /// <summary>The entry without its details or salt; its commitment and hash stay, so the chain still verifies.</summary>
    public static AuditEntry ErasePayload(AuditEntry entry) => entry with { Details = string.Empty, PayloadSalt = null, PayloadErased = true };

    /// <summary>Recomputes every hash of entries given in sequence order, starting from the genesis.</summary>
    public static ChainVerification Verify(IEnumerable<AuditEntry> entries)
    {
        var verifier = new Verifier();
        foreach (var entry in entries)
        {
            if (!verifier.Check(entry))
            {
                break;
            }
        }

        return verifier.Result;
    }

    /// <summary>Checks a chain one entry at a time, so a log of any length is verified in constant memory.</summary>
    public sealed class Verifier
    {
        private string _expectedPrevious = Genesis;
        private long _expectedSequence = 1;
        private long _checked;
        private ChainVerification? _failure;

        public ChainVerification Result => _failure ?? new ChainVerification(true, _checked, null, null, _expectedPrevious);

        /// <summary>Checks the next entry; false once the chain is broken.</summary>
        public bool Check(AuditEntry entry)
        {
            if (_failure is not null)
            {
                return false;
            }

            var problem = FindProblem(entry, _expectedSequence, _expectedPrevious);
            if (problem is not null)
            {
                _failure = new ChainVerification(false, _checked, entry.Sequence, problem);
                return false;
            }

            _expectedPrevious = entry.Hash;
            _expectedSequence++;
            _checked++;
            return true;
        }
    }

    private static string? FindProblem(AuditEntry entry, long expectedSequence, string expectedPrevious)
    {
        if (entry.Sequence != expectedSequence)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"expected entry {expectedSequence} but found {entry.Sequence}: an entry was removed or reordered");
        }

        if (entry.PreviousHash != expectedPrevious)
        {
            return "its previous-hash does not match the entry before it";
        }

        if (entry.PayloadErased)
        {
            if (entry.Details.Length > 0 || entry.PayloadSalt is not null)
            {
                return "it is marked erased but still carries details";
            }
        }
        else if (entry.PayloadHash != Commitment(entry.PayloadSalt, entry.Details))
        {
            return "its details were altered";
        }

        var recomputed = EntryHash(entry.Sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.PayloadHash, entry.PreviousHash);
        return recomputed == entry.Hash ? null : "its hash does not match its contents";
    }

    private static string EntryHash(long sequence, DateTimeOffset at, string actor, string action, string subject, string payloadHash, string previousHash)
    {
        // A JSON array is an unambiguous encoding: no field can bleed into the next.
        var canonical = JsonSerializer.Serialize(new object[]
        {
            sequence, at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), actor, action, subject, payloadHash, previousHash,
        });
        return Sha256(canonical);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
