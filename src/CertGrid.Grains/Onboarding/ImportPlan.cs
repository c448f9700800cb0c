using CertGrid.Domain.Onboarding;

namespace CertGrid.Grains.Onboarding;

/// <summary>
/// What applying an import does, row by row: each good row creates what it describes or leaves what the community already
/// has; each bad row is an error (the file's own, or one found against the community: an unknown cohort, holder or
/// credential). Rebuilt from the uploaded file and the community's data whenever an activation needs it, so a restart
/// loses nothing.
/// </summary>
public sealed record ImportPlan(IReadOnlyList<PlannedRow> Rows, IReadOnlyList<ImportRowError> Errors, long ErrorCount)
{
    public bool IsClean => ErrorCount == 0;

    public long NewRows => Rows.Count(r => r.ExistingId is null);

    public long UnchangedRows => Rows.Count - NewRows;

    /// <summary>A plan of the rows a file's checks kept, with the errors of the file and those found against the community.</summary>
    public static ImportPlan Of<TRow>(ParsedImport<TRow> file, IEnumerable<PlannedRow?> rows, IReadOnlyList<ImportRowError> communityErrors)
    {
        var planned = rows.OfType<PlannedRow>().ToList();
        var errors = file.Errors.Concat(communityErrors).OrderBy(e => e.Line).Take(ImportFileReader.MaxErrorsKept).ToList();
        return new ImportPlan(planned, errors, file.ErrorCount + communityErrors.Count);
    }

    /// <summary>One bit per row, set for the rows left as they are (what <see cref="IsUnchanged"/> reads).</summary>
    public byte[] UnchangedRowBits()
    {
        var bits = new byte[(Rows.Count + 7) / 8];
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].ExistingId is not null)
            {
                bits[i / 8] |= (byte)(1 << (i % 8));
            }
        }

        return bits;
    }

    public static bool IsUnchanged(byte[] bits, int row) => (bits[row / 8] & (1 << (row % 8))) != 0;

    /// <summary>The <see cref="UnchangedRowBits"/> of the plan once the <paramref name="removed"/> rows left the file (an erasure).</summary>
    public static byte[] WithoutRows(byte[] bits, int rowCount, IReadOnlySet<int> removed)
    {
        var kept = Enumerable.Range(0, rowCount).Where(row => !removed.Contains(row)).ToList();
        var result = new byte[(kept.Count + 7) / 8];
        for (var i = 0; i < kept.Count; i++)
        {
            if (IsUnchanged(bits, kept[i]))
            {
                result[i / 8] |= (byte)(1 << (i % 8));
            }
        }

        return result;
    }

    /// <param name="unchangedAtApply">The rows left alone since applying started (null before: the plan's own view).</param>
    public IEnumerable<ImportResultLine> Results(long appliedThrough, byte[]? unchangedAtApply = null) =>
        Rows.Select((r, i) =>
            {
                var unchanged = unchangedAtApply is null ? r.ExistingId is not null : IsUnchanged(unchangedAtApply, i);
                return new ImportResultLine(r.Line, r.Subject, unchanged ? r.ExistingOutcome : i < appliedThrough ? r.DoneOutcome : r.PendingOutcome,
                    unchanged ? r.ExistingId ?? r.TargetId : r.TargetId);
            })
            .Concat(Errors.Select(e => new ImportResultLine(e.Line, string.Empty, "error", null, e)));
}
