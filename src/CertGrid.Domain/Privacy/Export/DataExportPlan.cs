namespace CertGrid.Domain.Privacy.Export;

/// <summary>
/// Which parts a learner's export is made of, and how far along it is. Long sections (attempts, credentials and their
/// renewals) are split into pages of <see cref="ItemsPerPage"/>, so a restart repeats at most one page and no part holds an
/// unbounded record in memory; the others are streamed whole, item by item.
/// </summary>
public static class DataExportPlan
{
    /// <summary>Attempts or credentials written per part.</summary>
    public const int ItemsPerPage = 20;

    /// <summary>Collecting the JSON parts counts for this share of the progress; packing the archive (with the files) for the rest.</summary>
    private const int CollectingShare = 50;

    public static bool IsPaged(ExportSection section) =>
        section is ExportSection.Attempts or ExportSection.Credentials or ExportSection.Renewals;

    /// <summary>Every part, in the order they are written, for a learner with this many attempts and credentials.</summary>
    public static IReadOnlyList<ExportPart> Parts(int attempts, int credentials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempts);
        ArgumentOutOfRangeException.ThrowIfNegative(credentials);
        var parts = new List<ExportPart>();
        foreach (var section in Enum.GetValues<ExportSection>())
        {
            if (!IsPaged(section))
            {
                parts.Add(new ExportPart(section, 0, 0, 0));
                continue;
            }

            var items = section == ExportSection.Attempts ? attempts : credentials;
            var pages = Math.Max(1, (items + ItemsPerPage - 1) / ItemsPerPage);
            for (var page = 0; page < pages; page++)
            {
                var first = page * ItemsPerPage;
                parts.Add(new ExportPart(section, page, first, Math.Min(ItemsPerPage, items - first)));
            }
        }

        return parts;
    }

    /// <summary>
    /// Progress from 0 to 100: half for the parts collected, half for the files packed into the archive; 100 only when
    /// the archive is complete (<paramref name="ready"/>).
    /// </summary>
    public static int Percent(int partsDone, int partsTotal, int filesPacked, int filesTotal, bool ready)
    {
        if (ready)
        {
            return 100;
        }

        var collected = partsTotal == 0 ? 1.0 : Math.Clamp(partsDone, 0, partsTotal) / (double)partsTotal;
        var packed = filesTotal == 0 ? 0.0 : Math.Clamp(filesPacked, 0, filesTotal) / (double)filesTotal;
        var percent = (int)Math.Floor(collected * CollectingShare + packed * (100 - CollectingShare));
        return Math.Min(percent, 99);
    }
}
