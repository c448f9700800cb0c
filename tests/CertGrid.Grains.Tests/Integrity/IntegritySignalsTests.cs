using CertGrid.Abstractions.Integrity;
using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Integrity;
using CertGrid.Testing;

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

    [Fact]
    public async Task Each_evaluators_signal_is_kept_on_its_own_bounded_by_the_window_and_the_flag_is_listed_while_it_holds()
    {
        var community = GrainClusterFixture.NewCommunity();
        var signals = fixture.Grains.GetGrain<IIntegritySignalsGrain>(community);
        var (harsh, fair) = (EntityId.New(IdPrefixes.Evaluator), EntityId.New(IdPrefixes.Evaluator));

        for (var i = 0; i < 60; i++)
        {
            await signals.RecordPanelDecisionAsync(EntityId.New(IdPrefixes.Attempt), true, [new PanelReviewOutcome(harsh, 66.67, true), new PanelReviewOutcome(fair, 100, true)]);
        }

        var flag = Assert.Single(await signals.DivergentEvaluatorsAsync(), f => f.EvaluatorId == harsh);
        Assert.Equal(50, flag.Reviews);
        Assert.Null(await StoredGrainState.RowAsync(fixture.Cluster, "signals", signals.GetGrainId()));
        var stored = await StoredGrainState.RowAsync(fixture.Cluster, "evaluator-signals", Evaluator(community, harsh).GetGrainId());
        Assert.NotNull(stored);
        Assert.True(TableEntitySize.Of(stored) < 4096, $"an evaluator's full window is stored in {TableEntitySize.Of(stored)} bytes");

        // Fifty decisions in line with the panel clear the flag: audited once, and no longer listed.
        for (var i = 0; i < 50; i++)
        {
            await signals.RecordPanelDecisionAsync(EntityId.New(IdPrefixes.Attempt), true, [new PanelReviewOutcome(harsh, 90, true), new PanelReviewOutcome(fair, 90, true)]);
        }

        Assert.Empty(await signals.DivergentEvaluatorsAsync());
        Assert.Null(await Evaluator(community, harsh).GetFlagAsync());
        var audit = await AuditTrail.WithAsync(fixture.Grains, community, "integrity.evaluator-calibrated", harsh);
        Assert.Single(audit, e => e.Action == "integrity.evaluator-calibrated" && e.Subject == harsh);
        Assert.Single(audit, e => e.Action == "integrity.evaluator-divergent" && e.Subject == harsh);
    }

    [Fact]
    public async Task Signals_recorded_in_the_community_wide_grain_before_are_handed_to_the_evaluators_and_the_flag_is_not_audited_again()
    {
        var community = GrainClusterFixture.NewCommunity();
        var signals = fixture.Grains.GetGrain<IIntegritySignalsGrain>(community);
        var (harsh, fair) = (EntityId.New(IdPrefixes.Evaluator), EntityId.New(IdPrefixes.Evaluator));
        var attempts = Enumerable.Range(0, 6).Select(_ => EntityId.New(IdPrefixes.Attempt)).ToList();
        await StoredGrainState.WriteAsync(fixture.Cluster, "signals", signals.GetGrainId(), new Grains.Integrity.IntegritySignalsState
        {
            Recent = new()
            {
                [harsh] = attempts.Select(a => new ReviewDeviation(a, -33.33, false)).ToList(),
                [fair] = attempts.Select(a => new ReviewDeviation(a, 33.33, false)).ToList(),
            },
            Flagged = [harsh, fair],
        });

        var flags = await signals.DivergentEvaluatorsAsync();

        Assert.Equal(new[] { harsh, fair }.Order(), flags.Select(f => f.EvaluatorId).Order());
        Assert.Equal(6, flags.Single(f => f.EvaluatorId == harsh).Reviews);
        Assert.DoesNotContain(await AuditTrail.AllAsync(fixture.Grains, community), e => e.Action == "integrity.evaluator-divergent");
        await signals.RecordPanelDecisionAsync(attempts[0], true, [new PanelReviewOutcome(harsh, 66.67, true), new PanelReviewOutcome(fair, 100, true)]);
        await signals.RecordPanelDecisionAsync(EntityId.New(IdPrefixes.Attempt), true, [new PanelReviewOutcome(harsh, 66.67, true), new PanelReviewOutcome(fair, 100, true)]);
        Assert.Equal(7, (await Evaluator(community, harsh).GetFlagAsync())!.Reviews);
    }

    private IEvaluatorSignalsGrain Evaluator(string community, string evaluatorId) =>
        fixture.Grains.EvaluatorSignals(community, evaluatorId);
}
