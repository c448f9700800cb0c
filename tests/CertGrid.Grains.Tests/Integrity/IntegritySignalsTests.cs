using CertGrid.Abstractions.Integrity;
using CertGrid.Abstractions.Paging;

namespace CertGrid.Grains.Tests.Integrity;

/// <summary>Integrity signals for admins: the same evidence from different learners, and evaluators who diverge from their panels.</summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class IntegritySignalsTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task The_same_artifact_bytes_submitted_by_two_learners_are_flagged_once_with_both_submissions()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(evaluators: 2);
        for (var i = 0; i < 4; i++)
        {
            await program.EvaluatorAsync(capacity: 20);
        }

        const string copied = "# Post-incident review\n\nThe database failover took 14 minutes because the runbook was stale.\n";
        var (first, _) = await program.LearnerAsync();
        var (second, _) = await program.LearnerAsync();
        var (honest, _) = await program.LearnerAsync();
        var a = await program.SubmitAsync(first, definitionId, copied);
        await program.SubmitAsync(honest, definitionId);
        var b = await program.SubmitAsync(second, definitionId, copied);
        await program.SubmitAsync(first, definitionId, copied); // the same learner again is not a duplicate by itself

        var page = await fixture.Grains.GetGrain<IAssessmentIndexGrain>(program.Community).ListDuplicateEvidenceAsync(new PageRequest(10, null));
        var flag = Assert.Single(page.Items);
        Assert.Equal(a.Evidence.Single().Version.Sha256, flag.Sha256);
        Assert.Equal(new[] { first, second }.Order(), flag.Submissions.Select(s => s.LearnerId).Distinct().Order());
        Assert.Contains(flag.Submissions, s => s.AttemptId == b.Id);
        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "integrity.duplicate-evidence", flag.Sha256);
        Assert.Single(audit, e => e.Action == "integrity.duplicate-evidence" && e.Details.Contains(second, StringComparison.Ordinal) && !e.Details.Contains(honest, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_evaluator_who_keeps_scoring_far_from_the_panel_is_flagged_after_enough_decisions()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        await program.OpenCommunityAsync();
        var definitionId = await program.PublishedCredentialAsync();
        var harsh = await program.EvaluatorAsync(capacity: 50);
        var fair = await program.EvaluatorAsync(capacity: 50);
        var signals = fixture.Grains.GetGrain<IIntegritySignalsGrain>(program.Community);

        for (var i = 0; i < 5; i++)
        {
            Assert.Empty(await signals.DivergentEvaluatorsAsync());
            var (learnerId, _) = await program.LearnerAsync();
            var attempt = await program.SubmitAsync(learnerId, definitionId);
            await program.ReviewAsync(attempt.Id, fair, "Exemplary");
            await program.ReviewAsync(attempt.Id, harsh, "Proficient");
        }

        var flags = await signals.DivergentEvaluatorsAsync();
        var flagged = flags.Single(f => f.EvaluatorId == harsh);
        Assert.Equal(5, flagged.Reviews);
        Assert.Equal(-33.33, flagged.MeanDeviation);
        Assert.Contains("harsher", flagged.Reason, StringComparison.Ordinal);
        await AuditTrail.WithAsync(fixture.Grains, program.Community, "integrity.evaluator-divergent", harsh);

        // Recording the same decision again changes nothing.
        await signals.RecordPanelDecisionAsync("att_replayed0000000001", true, [new PanelReviewOutcome(harsh, 66.67, true), new PanelReviewOutcome(fair, 100, true)]);
        await signals.RecordPanelDecisionAsync("att_replayed0000000001", true, [new PanelReviewOutcome(harsh, 66.67, true), new PanelReviewOutcome(fair, 100, true)]);
        Assert.Equal(6, (await signals.DivergentEvaluatorsAsync()).Single(f => f.EvaluatorId == harsh).Reviews);
    }
}
