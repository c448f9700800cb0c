using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertGrid.Domain.Audit;

/// <summary>
/// The JSON Lines form of the audit chain: one entry per line, every field the hash covers, so an exported file can
/// be verified offline by <see cref="AuditChain"/> — the server and the verification CLI share this code.
/// </summary>
public static class AuditJsonLines
{
    public const string MediaType = "application/jsonl";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write(AuditEntry entry) => JsonSerializer.Serialize(new Line(
        entry.Sequence, entry.EventId, entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), entry.Actor, entry.Action, entry.Subject,
        entry.Details, entry.PayloadHash, entry.PreviousHash, entry.Hash, entry.PayloadSalt, entry.PayloadErased), Options);

    /// <summary>Parses one line; <see cref="FormatException"/> when it is not an audit entry.</summary>
    public static AuditEntry Read(string line)
    {
        Line? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Line>(line, Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid JSON ({ex.Message})", ex);
        }

        if (parsed is null || parsed.EventId is null || parsed.At is null || parsed.Actor is null || parsed.Action is null || parsed.Subject is null
            || parsed.Details is null || parsed.PayloadHash is null || parsed.PreviousHash is null || parsed.Hash is null)
        {
            throw new FormatException("a field of the audit entry is missing");
        }

        if (!DateTimeOffset.TryParse(parsed.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal, out var at))
        {
            throw new FormatException($"'at' is not a time: {parsed.At}");
        }

        return new AuditEntry(parsed.Sequence, parsed.EventId, at.ToUniversalTime(), parsed.Actor, parsed.Action, parsed.Subject, parsed.Details,
            parsed.PayloadHash, parsed.PreviousHash, parsed.Hash, parsed.PayloadSalt, parsed.PayloadErased ?? false);
    }

    /// <summary>
    /// Verifies an exported file line by line in constant memory. Returns the first broken entry (by its line number too).
    /// Removing entries from the end is only detectable against a head the caller trusts: pass the sequence and hash
    /// <c>verifyAuditLog</c> reported (or the chain head stored elsewhere) as <paramref name="expectedHead"/>.
    /// </summary>
    public static FileVerification Verify(IEnumerable<string> lines, ChainHead? expectedHead = null)
    {
        var verifier = new AuditChain.Verifier();
        var lineNumber = 0;
        AuditEntry? last = null;
        foreach (var line in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            AuditEntry entry;
            try
            {
                entry = Read(line);
            }
            catch (FormatException ex)
            {
                return new FileVerification(false, verifier.Result.EntriesChecked, verifier.Result.EntriesChecked + 1, lineNumber, $"line {lineNumber} is not an audit entry: {ex.Message}", null);
            }

            if (!verifier.Check(entry))
            {
                var result = verifier.Result;
                return new FileVerification(false, result.EntriesChecked, result.FirstBrokenSequence, lineNumber, result.Problem, last is null ? null : ChainHead.Of(last));
            }

            last = entry;
        }

        var head = last is null ? ChainHead.Empty : ChainHead.Of(last);
        if (expectedHead is not null && head != expectedHead)
        {
            var problem = head.Sequence < expectedHead.Sequence
                ? string.Create(CultureInfo.InvariantCulture, $"the file ends at entry {head.Sequence} but the trusted head is entry {expectedHead.Sequence}: entries were removed from the end")
                : string.Create(CultureInfo.InvariantCulture, $"the file's last entry {head.Sequence} does not match the trusted head (entry {expectedHead.Sequence}, hash {expectedHead.Hash})");
            return new FileVerification(false, verifier.Result.EntriesChecked, Math.Min(head.Sequence, expectedHead.Sequence) + 1, lineNumber, problem, head);
        }

        return new FileVerification(true, verifier.Result.EntriesChecked, null, null, null, head);
    }

    /// <summary>One line; <c>payloadSalt</c> and <c>payloadErased</c> are absent from files exported before salting and read as null/false.</summary>
    private sealed record Line(
        long Sequence, string? EventId, string? At, string? Actor, string? Action, string? Subject, string? Details, string? PayloadHash, string? PreviousHash, string? Hash,
        string? PayloadSalt = null, bool? PayloadErased = null);
}

/// <summary>The result of verifying an exported audit file: intact with its head, or the first broken entry, its line and why.</summary>
public sealed record FileVerification(bool Intact, long EntriesChecked, long? FirstBrokenSequence, int? Line, string? Problem, ChainHead? Head);
