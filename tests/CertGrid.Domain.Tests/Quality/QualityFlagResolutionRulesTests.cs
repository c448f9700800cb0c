using CertGrid.Domain.Errors;
using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Tests.Quality;

public sealed class QualityFlagResolutionRulesTests
{
    private static readonly QualityFlagResolution Recorded = new(QualityFlagKey.Severity("evl_1"), QualityFlagOutcome.ActionTaken, "Retrained.", "admin:key_1",
        new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero), "2026-01", "2026-03");

    [Fact]
    public void A_retry_by_someone_else_later_is_the_same_decision_but_a_changed_outcome_note_or_window_is_not()
    {
        Assert.True(Recorded.SameDecisionAs(Recorded with { ResolvedBy = "admin:key_2", ResolvedAt = Recorded.ResolvedAt.AddMinutes(5) }));
        Assert.False(Recorded.SameDecisionAs(Recorded with { Outcome = QualityFlagOutcome.Acknowledged }));
        Assert.False(Recorded.SameDecisionAs(Recorded with { Note = "Retrained twice." }));
        Assert.False(Recorded.SameDecisionAs(Recorded with { UntilMonth = "2026-04" }));
        Assert.False(Recorded.SameDecisionAs(Recorded with { FlagKey = QualityFlagKey.Calibration("evl_1") }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("bad\u0001note")]
    public void A_note_must_be_text(string? note) =>
        Assert.Equal("input.note", Assert.Throws<CertGridException>(() => QualityFlagResolution.ValidNote(note)).Field);

    [Fact]
    public void A_note_is_trimmed_and_at_most_two_thousand_characters()
    {
        Assert.Equal("Retrained.", QualityFlagResolution.ValidNote("  Retrained.\n"));
        Assert.Equal(QualityFlagResolution.NoteMaxLength, QualityFlagResolution.ValidNote(new string('x', QualityFlagResolution.NoteMaxLength)).Length);
        Assert.Throws<CertGridException>(() => QualityFlagResolution.ValidNote(new string('x', QualityFlagResolution.NoteMaxLength + 1)));
    }

    [Fact]
    public void Keys_name_the_finding_not_its_figures() =>
        Assert.Equal(["reliability/c3", "fairness/LearnerOrganisation/org_a", "severity/evl_1", "calibration/evl_2"],
            [QualityFlagKey.Reliability("c3"), QualityFlagKey.Fairness("LearnerOrganisation", "org_a"), QualityFlagKey.Severity("evl_1"), QualityFlagKey.Calibration("evl_2")]);
}
