using CertGrid.Abstractions.Calibration;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Quality;

namespace CertGrid.Grains.Tests.Calibration;

/// <summary>
/// Calibration stored and applied: admins publish exemplars with reference levels, evaluators score them blind, and when the
/// community requires calibration, panels are staffed only with evaluators who passed and have not drifted since.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class CalibrationTests(GrainClusterFixture fixture)
{
    private static readonly CalibrationScore[] Reference =
    [
        new(0, "C1", "Proficient"), new(0, "C2", "Exemplary"), new(1, "C1", "Not yet"), new(1, "C2", "Proficient"),
    ];

    [Fact]
    public async Task Exercises_are_scored_blind_against_the_reference_and_bad_scores_are_refused_with_a_reason()
    {
        var (program, calibration, exerciseId) = await ProgramWithExerciseAsync();
        var evaluatorId = await program.EvaluatorAsync();

        var blind = Assert.Single(await calibration.ListExercisesAsync(withReference: false));
        Assert.All(blind.Exemplars, e => Assert.Empty(e.ReferenceLevels));
        Assert.All((await calibration.ListExercisesAsync(withReference: true))[0].Exemplars, e => Assert.Equal(2, e.ReferenceLevels.Count));

        var unknownLevel = await Assert.ThrowsAsync<CertGridException>(() => calibration.SubmitAsync(evaluatorId, exerciseId, [.. Reference[..3], new(1, "C2", "Superb")]));
        Assert.Equal(ErrorCode.ValidationFailed, unknownLevel.Code);
        Assert.Contains("pick one of Not yet, Proficient, Exemplary", unknownLevel.Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<CertGridException>(() => calibration.SubmitAsync(evaluatorId, exerciseId, Reference[..3]));
        Assert.Equal(ErrorCode.ValidationFailed, missing.Code);

        var harsh = await calibration.SubmitAsync(evaluatorId, exerciseId, Reference.Select(s => s with { Level = "Not yet" }).ToList());
        Assert.False(harsh.Passed);
        Assert.Equal(0.25, harsh.Exact);
        Assert.True(harsh.MeanGap < 0);
        var view = Assert.Single(await calibration.ListEvaluatorsAsync(), e => e.EvaluatorId == evaluatorId);
        Assert.Equal(CalibrationStatus.Failed, view.Standing.Status);

        var exact = await calibration.SubmitAsync(evaluatorId, exerciseId, Reference);
        Assert.True(exact.Passed);
        Assert.Equal(1.0, exact.Exact);
        view = Assert.Single(await calibration.ListEvaluatorsAsync(), e => e.EvaluatorId == evaluatorId);
        Assert.Equal(CalibrationStatus.Calibrated, view.Standing.Status);
        Assert.Equal(2, view.Results.Count);
    }

    [Fact]
    public async Task Required_calibration_keeps_the_uncalibrated_and_the_drifted_off_panels_with_the_reason_until_they_pass_again()
    {
        var (program, calibration, exerciseId) = await ProgramWithExerciseAsync();
        await calibration.SetPolicyAsync(CalibrationPolicy.Default with { Required = true, DriftWindow = 5, DriftThreshold = 0.5 }, Actors.System);
        var definitionId = await program.PublishedCredentialAsync();
        var generous = await program.EvaluatorAsync();
        var steady = await program.EvaluatorAsync();
        var uncalibrated = await program.EvaluatorAsync();
        await calibration.SubmitAsync(generous, exerciseId, Reference);
        await calibration.SubmitAsync(steady, exerciseId, Reference);

        // Three decided attempts in which one evaluator's levels never equal the decision (the lower median).
        for (var i = 0; i < 3; i++)
        {
            var (learnerId, _) = await program.LearnerAsync();
            var attempt = await program.SubmitAsync(learnerId, definitionId);
            Assert.Equal(new[] { generous, steady }.Order(StringComparer.Ordinal), attempt.Panel.Select(s => s.EvaluatorId).Order(StringComparer.Ordinal));
            await program.ReviewAsync(attempt.Id, generous, "Exemplary");
            await program.ReviewAsync(attempt.Id, steady, "Proficient");
        }

        var standing = await Eventually.HoldsAsync(async () => (await calibration.GetSelectionAsync()).Standings[generous], s => s.Status == CalibrationStatus.Drifted,
            "the generous evaluator has drifted");
        Assert.Contains("0% of their last", standing.Reason, StringComparison.Ordinal);
        var steadyView = Assert.Single(await calibration.ListEvaluatorsAsync(), e => e.EvaluatorId == steady);
        Assert.Equal(1.0, steadyView.RecentAgreement);

        // The next panel passes over the drifted evaluator, saying why; a newly calibrated colleague takes the seat.
        var colleague = await program.EvaluatorAsync();
        await calibration.SubmitAsync(colleague, exerciseId, Reference);
        var (nextLearner, _) = await program.LearnerAsync();
        var next = await program.SubmitAsync(nextLearner, definitionId);
        Assert.DoesNotContain(next.Panel, s => s.EvaluatorId == generous || s.EvaluatorId == uncalibrated);
        var passedOver = await PassedOverAsync(program, next.Id);
        Assert.Contains("is not calibrated: drifted since calibrating", passedOver, StringComparison.Ordinal);
        Assert.Contains("is not calibrated: has not taken a calibration exercise (1)", passedOver, StringComparison.Ordinal);
        Assert.All(next.Panel, s => Assert.Contains("calibrated on", s.Reason, StringComparison.Ordinal));

        // Passing a new exercise makes them eligible again.
        await calibration.SubmitAsync(generous, exerciseId, Reference);
        Assert.Equal(CalibrationStatus.Calibrated, (await calibration.GetSelectionAsync()).Standings[generous].Status);
    }

    private async Task<(ProgramBuilder Program, ICalibrationGrain Calibration, string ExerciseId)> ProgramWithExerciseAsync()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        await program.OpenCommunityAsync();
        var definitionId = await program.PublishedCredentialAsync();
        var calibration = fixture.Grains.GetGrain<ICalibrationGrain>(program.Community);
        var exerciseId = EntityId.New(IdPrefixes.CalibrationExercise);
        await calibration.PublishAsync(exerciseId, new PublishCalibrationExercise("Incident write-ups", definitionId,
        [
            new("A thorough postmortem", program.Faker.Lorem.Paragraphs(2), [new CriterionResult("C1", "Proficient"), new CriterionResult("C2", "Exemplary")]),
            new("A thin runbook", program.Faker.Lorem.Paragraph(), [new CriterionResult("C1", "Not yet"), new CriterionResult("C2", "Proficient")]),
        ]), Actors.System);
        return (program, calibration, exerciseId);
    }

    /// <summary>Why selection passed evaluators over for the attempt's initial panel (reasons with counts), from its audit trail.</summary>
    private async Task<string> PassedOverAsync(ProgramBuilder program, string attemptId)
    {
        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "attempt.assigned", attemptId);
        return string.Join("\n", audit.Where(e => e.Action == "attempt.assigned" && e.Subject == attemptId).Select(e => e.Details));
    }
}
