using CertGrid.Abstractions.Calibration;
using CertGrid.Abstractions.Retries;
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

    [Fact]
    public async Task Many_large_exercises_each_keep_their_own_state_and_any_of_them_can_be_scored()
    {
        var (program, calibration, firstId) = await ProgramWithExerciseAsync();
        var definitionId = (await calibration.ListExercisesAsync(withReference: true))[0].DefinitionId;
        var evaluatorId = await program.EvaluatorAsync();

        // 60 exercises of 20 exemplars of 2,000 characters: some 2.4 MB, more than one storage row could hold.
        const int Published = 60;
        var ids = new List<string> { firstId };
        for (var i = 1; i < Published; i++)
        {
            fixture.Cluster.Clock.Advance(TimeSpan.FromMinutes(1));
            var id = EntityId.New(IdPrefixes.CalibrationExercise);
            await calibration.PublishAsync(id, new PublishCalibrationExercise(program.Faker.Commerce.ProductName(), definitionId,
                Enumerable.Range(0, 20).Select(e => new CalibrationExemplar(program.Faker.Lorem.Sentence(3), Exemplar(program.Faker),
                    [new CriterionResult("C1", "Proficient"), new CriterionResult("C2", "Exemplary")])).ToList()), Actors.System);
            ids.Add(id);
        }

        var listed = await calibration.ListExercisesAsync(withReference: false);
        Assert.Equal(ICalibrationGrain.ExercisesListed, listed.Count);
        Assert.Equal(ids.AsEnumerable().Reverse().Take(ICalibrationGrain.ExercisesListed), listed.Select(e => e.Id));
        Assert.All(listed.SelectMany(e => e.Exemplars), e => Assert.Empty(e.ReferenceLevels));

        // The oldest (no longer among the newest listed) and the newest are scored from their own grains.
        var oldest = await calibration.SubmitAsync(evaluatorId, firstId, Reference);
        Assert.True(oldest.Passed);
        var perfect = Enumerable.Range(0, 20).SelectMany(e => new[] { new CalibrationScore(e, "C1", "Proficient"), new CalibrationScore(e, "C2", "Exemplary") }).ToList();
        Assert.Equal(1.0, (await calibration.SubmitAsync(evaluatorId, ids[^1], perfect)).Exact);
        var exercise = await fixture.Grains.CalibrationExercise(program.Community, ids[^1]).GetAsync();
        Assert.Equal(20, exercise.Exemplars.Count);

        // Publishing the same exercise again lists it once.
        await calibration.PublishAsync(ids[^1], new PublishCalibrationExercise("again", definitionId, exercise.Exemplars), Actors.System);
        Assert.Single(await calibration.ListExercisesAsync(withReference: true), e => e.Id == ids[^1]);
    }

    private static string Exemplar(Bogus.Faker faker)
    {
        var text = faker.Lorem.Paragraphs(30);
        while (text.Length < 2_000)
        {
            text += faker.Lorem.Paragraph();
        }

        return text[..2_000];
    }

    [Fact]
    public async Task A_scoring_whose_answer_was_lost_is_answered_and_counted_once_when_run_again()
    {
        var (program, calibration, exerciseId) = await ProgramWithExerciseAsync();
        var evaluatorId = await program.EvaluatorAsync();
        var scoring = new RetriedOperation("op_" + Guid.NewGuid().ToString("N"), fixture.Cluster.Clock.GetUtcNow().AddHours(1));

        fixture.Cluster.FailOneWrite(program.Community, skip: 0, afterStoring: true);
        Assert.Equal(ErrorCode.Unavailable, (await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(scoring, () => calibration.SubmitAsync(evaluatorId, exerciseId, Reference)))).Code);
        var scored = await RetriedCalls.UnderAsync(scoring, () => calibration.SubmitAsync(evaluatorId, exerciseId, Reference));

        Assert.True(scored.Passed);
        var view = Assert.Single(await calibration.ListEvaluatorsAsync(), e => e.EvaluatorId == evaluatorId);
        Assert.Equal(scored, Assert.Single(view.Results));
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
