using System.Globalization;
using CertGrid.Domain.Audit;

namespace CertGrid.AuditVerify;

/// <summary>
/// <c>certgrid-audit-verify FILE [--expect-head SEQUENCE:HASH]</c>: reads an exported audit log (JSON Lines, <c>-</c> for
/// standard input) in constant memory, recomputes every hash with the same <see cref="AuditChain"/> the server uses, and
/// reports the first broken entry. Exit code 0: intact; 1: broken (or not an audit log); 2: usage or file error.
/// Entries cut from the end leave an intact shorter chain: pass the head <c>verifyAuditLog</c> reported
/// (<c>entriesChecked:headHash</c>) as <c>--expect-head</c> to catch that too.
/// </summary>
public static class AuditVerifyCommand
{
    public const int Intact = 0;
    public const int Broken = 1;
    public const int UsageError = 2;

    private const string Usage = "usage: certgrid-audit-verify <audit.jsonl | -> [--expect-head <sequence>:<sha256 hex>]";

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(args, out var path, out var expected, out var problem))
        {
            stderr.WriteLine(problem);
            stderr.WriteLine(Usage);
            return UsageError;
        }

        FileVerification result;
        try
        {
            result = AuditJsonLines.Verify(path == "-" ? Lines(stdin) : File.ReadLines(path!), expected);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"cannot read '{path}': {ex.Message}");
            return UsageError;
        }

        if (result.Intact)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"OK: {result.EntriesChecked} entries, chain intact; head {result.Head!.Sequence}:{result.Head.Hash}{(expected is null ? string.Empty : " matches the expected head")}"));
            return Intact;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BROKEN at entry {result.FirstBrokenSequence} (line {result.Line}): {result.Problem}. {result.EntriesChecked} entries before it verified."));
        return Broken;
    }

    private static bool TryParse(string[] args, out string? path, out ChainHead? expected, out string problem)
    {
        (path, expected, problem) = (null, null, string.Empty);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--expect-head")
            {
                var parts = i + 1 < args.Length ? args[++i].Split(':', 2) : [];
                if (parts is not [var sequence, var hash] || !long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    || hash.Length != 64 || !hash.All(Uri.IsHexDigit))
                {
                    problem = "--expect-head needs <sequence>:<64 hex characters>, e.g. 120:3f2a...";
                    return false;
                }

                expected = new ChainHead(number, hash.ToLowerInvariant());
            }
            else if (path is null && (args[i] == "-" || !args[i].StartsWith('-')))
            {
                path = args[i];
            }
            else
            {
                problem = $"unexpected argument '{args[i]}'";
                return false;
            }
        }

        problem = path is null ? "no file given" : string.Empty;
        return path is not null;
    }

    private static IEnumerable<string> Lines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
