using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Assessments;

/// <summary>Per-credential consensus: agreement within a tolerance, and a consensus discussion the lead evaluator closes.</summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class ConsensusTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Scores_within_the_tolerance_agree_and_their_mean_decides_even_when_one_review_passed()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: AssessmentPolicy.Default with { Consensus = new ConsensusPolicy(20, DisagreementAction.AddEvaluator, 1) });
        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var attempt = await program.SubmitAsync(learnerId, definitionId);

        // 50% (fail) and 66.67% (pass) lie 16.67 points apart, within 20: they agree, and the mean 58.33% is below 60%.
        await program.Attempt(attempt.Id).SubmitReviewAsync(new SubmitReview(attempt.Panel[0].EvaluatorId,
            [new CriterionScore("C1", "Exemplary", "Strong SLOs."), new CriterionScore("C2", "Not yet", "No incident evidence.")], null));
        var decided = await program.ReviewAsync(attempt.Id, attempt.Panel[1].EvaluatorId, "Proficient");

        Assert.Equal(AttemptStatus.Failed, decided.Status);
        Assert.Equal(58.34, decided.Verdict!.MeanPercent);
        Assert.Contains("tolerance 20", decided.Verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(["C1", "C2"], decided.Feedback!.Criteria.Select(c => c.CriterionCode));
        Assert.Contains("No incident evidence.", decided.Feedback.Criteria[1].Notes);
    }

    [Fact]
    public async Task A_disagreeing_panel_discusses_in_threads_and_the_lead_closes_with_a_recorded_decision()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        await program.OpenCommunityAsync();
        var definitionId = await program.PublishedCredentialAsync(policy: AssessmentPolicy.Default with { Consensus = new ConsensusPolicy(10, DisagreementAction.Discussion, 0) });
        var everyone = new[] { await program.EvaluatorAsync(), await program.EvaluatorAsync(), await program.EvaluatorAsync() };
        var (learnerId, _) = await program.LearnerAsync();
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        var onPanel = attempt.Panel.Select(s => s.EvaluatorId).ToList();
        var outsider = everyone.Except(onPanel).Single();

        await program.ReviewAsync(attempt.Id, onPanel[0], "Exemplary");
        var split = await program.ReviewAsync(attempt.Id, onPanel[1], "Not yet");
        Assert.Equal(AttemptStatus.UnderReview, split.Status);
        Assert.Equal(ConsensusOutcome.NeedsDiscussion, split.Verdict!.Outcome);
        var lead = split.LeadEvaluatorId!;
        var other = onPanel.Single(id => id != lead);
        Assert.Equal(split.Panel.OrderBy(s => s.AssignedAt).First().EvaluatorId, lead);

        var discussion = fixture.Grains.GetGrain<IConsensusDiscussionGrain>(program.Key(attempt.Id));
        var opened = await discussion.PostNoteAsync(other, "The incident write-up is a template, not their own incident.", null);
        var root = opened.Notes.Single().Id;
        var thread = await discussion.PostNoteAsync(lead, "Agreed on C2; C1 is clearly proficient though.", root);
        Assert.Equal(root, thread.Notes[1].ReplyToNoteId);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<CertGridException>(() => discussion.PostNoteAsync(outsider, "May I weigh in?", null))).Code);
        Assert.Equal("input.replyToNoteId", (await Assert.ThrowsAsync<CertGridException>(() => discussion.PostNoteAsync(lead, "x", "note_missing0000000000"))).Field);

        var proficient = new[] { new CriterionResult("C1", "Proficient"), new CriterionResult("C2", "Proficient") };
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<CertGridException>(() =>
            discussion.CloseAsync(new DiscussionDecision(other, true, "We agree the evidence is sufficient overall.", proficient)))).Code);
        var contradiction = await Assert.ThrowsAsync<CertGridException>(() => discussion.CloseAsync(new DiscussionDecision(lead, true, "Passing it on balance of the evidence.",
            [new CriterionResult("C1", "Not yet"), new CriterionResult("C2", "Not yet")])));
        Assert.Contains("contradicts a pass", contradiction.Message, StringComparison.Ordinal);

        var closed = await discussion.CloseAsync(new DiscussionDecision(lead, true, "Both criteria shown independently once the SLO doc is read.", proficient));
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<CertGridException>(() => discussion.PostNoteAsync(other, "Late note.", null))).Code);

        var decided = await program.Attempt(attempt.Id).GetAsync();
        Assert.Equal(AttemptStatus.Passed, decided.Status);
        Assert.Contains("consensus discussion", decided.Verdict!.Reason, StringComparison.Ordinal);
        Assert.Equal(["Proficient", "Proficient"], decided.Feedback!.Criteria.Select(c => c.Level));
        var credential = await fixture.Grains.GetGrain<ICredentialGrain>(program.Key(decided.CredentialId!)).FindAsync();
        Assert.Contains("\"Proficient\"", credential!.DocumentJson, StringComparison.Ordinal);

        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "discussion.closed", attempt.Id);
        Assert.Contains(audit, e => e.Action == "discussion.note-posted" && e.Details.Contains("a template, not their own incident", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "attempt.decided" && e.Actor == $"evaluator:{lead}" && e.Details.Contains("consensus discussion", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "review.submitted" && e.Subject == attempt.Id);
    }

    [Fact]
    public async Task Once_the_allowed_extra_evaluators_still_disagree_a_discussion_opens()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: AssessmentPolicy.Default with { Consensus = new ConsensusPolicy(null, DisagreementAction.AddEvaluator, 1) });
        for (var i = 0; i < 4; i++)
        {
            await program.EvaluatorAsync();
        }

        var (learnerId, _) = await program.LearnerAsync();
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        await program.ReviewAsync(attempt.Id, attempt.Panel[0].EvaluatorId, "Exemplary");
        var escalated = await program.ReviewAsync(attempt.Id, attempt.Panel[1].EvaluatorId, "Not yet");
        Assert.Equal(3, escalated.Panel.Count);
        var third = escalated.Panel.Select(s => s.EvaluatorId).Except(attempt.Panel.Select(s => s.EvaluatorId)).Single();

        // Two pass and one fails: the majority decides after one extra evaluator.
        var decided = await program.ReviewAsync(attempt.Id, third, "Proficient");
        Assert.Equal(AttemptStatus.Passed, decided.Status);
    }
}
