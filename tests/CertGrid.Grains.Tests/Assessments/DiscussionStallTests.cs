using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Assessments;

/// <summary>
/// A consensus discussion never stalls: the lead role passes to the next panel member when the lead lets the review
/// deadline pass, is deactivated, or recuses; and a community admin can close it with a decision and a reason.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class DiscussionStallTests(GrainClusterFixture fixture)
{
    private static readonly AssessmentPolicy Policy = AssessmentPolicy.Default with
    {
        ReviewDeadlineDays = 3, Consensus = new ConsensusPolicy(10, DisagreementAction.Discussion, 0),
    };

    [Fact]
    public async Task A_lead_who_lets_the_deadline_pass_hands_the_discussion_to_the_next_panel_member()
    {
        var (program, attemptId, lead, other) = await SplitAsync();
        var discussion = Discussion(program, attemptId);
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(program.Community);
        var opened = (await discussion.FindAsync())!;
        Assert.Equal(opened.OpenedAt.AddDays(3), opened.LeadDueAt);
        Assert.Equal(1, (await bucket.GetStatusAsync()).Scheduled); // only the lead's deadline: the reviews are in

        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await bucket.SweepAsync());
        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await bucket.SweepAsync());

        var passed = await Eventually.HoldsAsync(async () => (await discussion.FindAsync())!, d => d.LeadEvaluatorId == other, "the lead passes on");
        Assert.Equal(fixture.Cluster.Clock.GetUtcNow().AddDays(3), passed.LeadDueAt);
        await Eventually.HoldsAsync(() => bucket.GetStatusAsync(), s => s.Scheduled == 1 && s.Dispatched == 0, "the new lead's deadline replaces the old one");
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<CertGridException>(() =>
            discussion.CloseAsync(new DiscussionDecision(lead, false, "Closing late, but the evidence is still missing.", null)))).Code);

        await discussion.CloseAsync(new DiscussionDecision(other, false, "Took over as lead: the SLO evidence is missing, so it fails.", null));
        var decided = await program.Attempt(attemptId).GetAsync();
        Assert.Equal((AttemptStatus.Failed, other), (decided.Status, decided.LeadEvaluatorId));
        Assert.Equal(0, (await bucket.GetStatusAsync()).Scheduled);
        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "discussion.closed", attemptId);
        var handOver = audit.Single(e => e.Action == "discussion.lead-passed");
        Assert.Equal(Actors.System, handOver.Actor);
        Assert.Contains("did not close the discussion by", handOver.Details, StringComparison.Ordinal);
        Assert.Contains(audit, e => e.Action == "attempt.decided" && e.Actor == Actors.Evaluator(other));
    }

    [Fact]
    public async Task A_deactivated_lead_is_replaced_when_the_next_member_closes()
    {
        var (program, attemptId, lead, other) = await SplitAsync();
        var discussion = Discussion(program, attemptId);
        var decision = new DiscussionDecision(other, false, "The lead left the programme; the panel agreed it fails on C1.", null);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<CertGridException>(() => discussion.CloseAsync(decision))).Code);

        await program.Pool.SetActiveAsync(lead, false, "Left the programme", Actors.Admin("key_test"));
        var closed = await discussion.CloseAsync(decision);
        Assert.Equal(other, closed.LeadEvaluatorId);
        Assert.Equal(AttemptStatus.Failed, (await program.Attempt(attemptId).GetAsync()).Status);
        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "discussion.closed", attemptId);
        Assert.Contains(audit, e => e.Action == "discussion.lead-passed" && e.Details.Contains("is deactivated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recusing_lead_hands_over_the_last_member_cannot_recuse_and_an_admin_closes_with_a_reason()
    {
        var (program, attemptId, lead, other) = await SplitAsync();
        var discussion = Discussion(program, attemptId);

        Assert.Equal("input.reason", (await Assert.ThrowsAsync<CertGridException>(() => discussion.RecuseAsync(lead, "no"))).Field);
        var recused = await discussion.RecuseAsync(lead, "I learned the learner is my neighbour's son.");
        Assert.Equal(other, recused.LeadEvaluatorId);
        Assert.Equal([lead], recused.RecusedEvaluatorIds!);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<CertGridException>(() => discussion.PostNoteAsync(lead, "One more thought.", null))).Code);
        var last = await Assert.ThrowsAsync<CertGridException>(() => discussion.RecuseAsync(other, "I do not want to decide this alone."));
        Assert.Equal(ErrorCode.PolicyViolation, last.Code);
        Assert.Contains("community admin", last.Message, StringComparison.Ordinal);

        var admin = Actors.Admin("key_admin1");
        Assert.Equal("input.rationale", (await Assert.ThrowsAsync<CertGridException>(() => discussion.CloseAsAdminAsync(false, "Stalled.", null, admin))).Field);
        var closed = await discussion.CloseAsAdminAsync(false, "Stalled for two weeks; the panel's notes agree C1 is not shown.", null, admin);
        Assert.Equal(admin, closed.Decision!.DecidedBy);
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<CertGridException>(() =>
            discussion.CloseAsAdminAsync(true, "Changing my mind after all, it should pass.", null, admin))).Code);

        var decided = await program.Attempt(attemptId).GetAsync();
        Assert.Equal(AttemptStatus.Failed, decided.Status);
        Assert.Contains("community admin", decided.Verdict!.Reason, StringComparison.Ordinal);
        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "attempt.decided", attemptId);
        Assert.Contains(audit, e => e.Action == "discussion.recused" && e.Details.Contains("neighbour", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "discussion.closed" && e.Actor == admin && e.Details.Contains("Stalled for two weeks", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "attempt.decided" && e.Actor == admin);
    }

    /// <summary>A two-evaluator panel that splits beyond the tolerance, so a discussion opens; returns the lead and the other member.</summary>
    private async Task<(ProgramBuilder Program, string AttemptId, string Lead, string Other)> SplitAsync()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: Policy);
        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        await program.ReviewAsync(attempt.Id, attempt.Panel[0].EvaluatorId, "Exemplary");
        var split = await program.ReviewAsync(attempt.Id, attempt.Panel[1].EvaluatorId, "Not yet");
        Assert.True(split.Verdict!.Outcome == ConsensusOutcome.NeedsDiscussion);
        await Eventually.HoldsAsync(() => Discussion(program, attempt.Id).FindAsync(), d => d is not null, "the discussion opens");
        var lead = split.LeadEvaluatorId!;
        return (program, attempt.Id, lead, split.Panel.Single(s => s.EvaluatorId != lead).EvaluatorId);
    }

    private IConsensusDiscussionGrain Discussion(ProgramBuilder program, string attemptId) => fixture.Grains.GetGrain<IConsensusDiscussionGrain>(program.Key(attemptId));
}
