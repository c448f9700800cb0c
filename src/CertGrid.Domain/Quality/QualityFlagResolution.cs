using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>What the community's review board decided about a flag of the quality report.</summary>
public enum QualityFlagOutcome
{
    /// <summary>Seen and being watched; no change made yet.</summary>
    Acknowledged,

    /// <summary>The board acted (for example retrained an evaluator or revised a criterion); the note says what.</summary>
    ActionTaken,

    /// <summary>Looked into and found not to need action; the note says why.</summary>
    NoActionNeeded,
}

/// <summary>
/// The board's recorded resolution of one quality-report flag: what it decided, why, who recorded it and when, and the
/// report window (months, yyyy-MM) it was reviewing. The audit chain keeps every resolution; the report shows the latest.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.quality-flag-resolution")]
public sealed record QualityFlagResolution(
    [property: Id(0)] string FlagKey,
    [property: Id(1)] QualityFlagOutcome Outcome,
    [property: Id(2)] string Note,
    [property: Id(3)] string ResolvedBy,
    [property: Id(4)] DateTimeOffset ResolvedAt,
    [property: Id(5)] string FromMonth,
    [property: Id(6)] string UntilMonth)
{
    /// <summary>The longest note a board can record: a paragraph, not a minute book.</summary>
    public const int NoteMaxLength = 2_000;

    /// <summary>Whether recording <paramref name="other"/> would change nothing a reader sees (a retried request).</summary>
    public bool SameDecisionAs(QualityFlagResolution other) =>
        FlagKey == other.FlagKey && Outcome == other.Outcome && Note == other.Note && FromMonth == other.FromMonth && UntilMonth == other.UntilMonth;

    /// <summary>VALIDATION_FAILED naming the field when the note is empty, too long or not text.</summary>
    public static string ValidNote(string? note) => InputRules.RequireText(note, "input.note", NoteMaxLength);
}
