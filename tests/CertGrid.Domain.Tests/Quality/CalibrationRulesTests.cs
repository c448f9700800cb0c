using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Tests.Quality;

public class CalibrationRulesTests
{
    private static readonly DateTimeOffset Calibrated = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly CalibrationPolicy Required = CalibrationPolicy.Default with { Required = true };

    private static Dictionary<(string, string), int> Levels(params int[] levels) =>
        levels.Select((level, i) => (Key: ($"exm_{i / 4}", $"c{i % 4}"), level)).ToDictionary(p => p.Key, p => p.level);

    [Fact]
    public void An_evaluator_who_matches_the_reference_closely_passes_and_one_who_is_harsh_fails()
    {
        var reference = Levels(3, 2, 4, 1, 2, 2, 3, 3, 4, 3, 2, 1);
        var close = CalibrationRules.Score("evl_a", "cal_1", reference, Levels(3, 2, 4, 1, 2, 3, 3, 3, 4, 3, 1, 1), 1, 4, Required, Calibrated);
        var harsh = CalibrationRules.Score("evl_b", "cal_1", reference, Levels(2, 1, 3, 1, 1, 1, 2, 2, 3, 2, 1, 1), 1, 4, Required, Calibrated);

        Assert.True(close.Passed);
        Assert.Equal(10 / 12.0, close.Exact, 12);
        Assert.Equal(1, close.Adjacent);
        Assert.False(harsh.Passed);
        Assert.True(harsh.MeanGap < -0.5);
        Assert.True(harsh.QuadraticKappa < close.QuadraticKappa);
    }

    [Fact]
    public void Every_reference_level_must_be_scored()
    {
        var reference = Levels(3, 2, 4, 1);
        var error = Assert.Throws<CertGridException>(() =>
            CalibrationRules.Score("evl_a", "cal_1", reference, Levels(3, 2, 4), 1, 4, Required, Calibrated));

        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Equal("input.scores", error.Field);
    }

    [Fact]
    public void Standing_follows_the_latest_result_and_drift_on_real_attempts_since()
    {
        var passed = new CalibrationResult("evl_a", "cal_1", Calibrated, 12, 0.8, 1, 0.9, 0, true);
        var agreeing = Enumerable.Range(0, 20).Select(i => (Calibrated.AddDays(i + 1), i % 4 != 0)).ToList();
        var drifting = Enumerable.Range(0, 20).Select(i => (Calibrated.AddDays(i + 1), i % 3 == 0)).ToList();
        var beforeCalibrating = Enumerable.Range(0, 20).Select(i => (Calibrated.AddDays(-i - 1), false)).ToList();

        Assert.Equal(CalibrationStatus.NotCalibrated, CalibrationRules.Standing(null, agreeing, Required).Status);
        Assert.Equal(CalibrationStatus.Calibrated, CalibrationRules.Standing(passed, agreeing, Required).Status);
        Assert.Equal(CalibrationStatus.Calibrated, CalibrationRules.Standing(passed, beforeCalibrating, Required).Status);
        Assert.Equal(CalibrationStatus.Calibrated, CalibrationRules.Standing(passed, drifting.Take(19).ToList(), Required).Status);
        var drifted = CalibrationRules.Standing(passed, drifting, Required);
        Assert.Equal(CalibrationStatus.Drifted, drifted.Status);
        Assert.Contains("35% of their last 20 levels matched", drifted.Reason, StringComparison.Ordinal);
        Assert.Equal(CalibrationStatus.Failed, CalibrationRules.Standing(passed with { Passed = false }, agreeing, Required).Status);
    }

    [Fact]
    public void When_the_community_requires_calibration_selection_skips_uncalibrated_evaluators_and_says_why()
    {
        var now = Calibrated.AddDays(30);
        var calibrated = new CalibrationStanding(CalibrationStatus.Calibrated, Calibrated, "calibrated on 2026-03-02 (83% exact agreement with the reference)");
        var drifted = new CalibrationStanding(CalibrationStatus.Drifted, now, "drifted since calibrating on 2026-03-02: 35% of their last 20 levels matched their panels' decisions (50% needed); recalibration required");
        EvaluatorCandidate Candidate(string id, CalibrationStanding? standing) => new(id, $"{id}@example.org", $"org_{id}", null, 0, 5, true, Calibration: standing);
        var pool = new[] { Candidate("evl_cal", calibrated), Candidate("evl_drift", drifted), Candidate("evl_new", null) };
        var learner = new AssessedParty("lrn_1", "lrn@example.org", "org_learner");

        var pick = EvaluatorSelection.Pick(pool, learner, ConflictContext.Standard, PanelRequirements.None(now) with { Calibration = Required }, [], [], 3, new Random(1));

        Assert.Equal(["evl_cal"], pick.Picked.Select(p => p.EvaluatorId));
        Assert.Contains("calibrated on 2026-03-02", pick.Picked[0].Reason, StringComparison.Ordinal);
        Assert.Contains("is not calibrated: drifted since calibrating", pick.PassedOver.Single(p => p.EvaluatorId == "evl_drift").Reason, StringComparison.Ordinal);
        Assert.Contains("has not taken a calibration exercise", pick.PassedOver.Single(p => p.EvaluatorId == "evl_new").Reason, StringComparison.Ordinal);

        var optional = EvaluatorSelection.Pick(pool, learner, ConflictContext.Standard, PanelRequirements.None(now) with { Calibration = CalibrationPolicy.Default }, [], [], 3, new Random(1));
        Assert.Equal(3, optional.Picked.Count);
    }
}
