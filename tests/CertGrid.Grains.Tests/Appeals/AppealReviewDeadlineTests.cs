using CertGrid.Abstractions.Appeals;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Appeals;

/// <summary>
/// Appeal reviewers have a deadline in the community's deadline bucket, like attempt reviewers: an overdue seat is
/// reassigned to another independent evaluator (never one of the decision appealed) and counted against the evaluator;
/// a recusal is reassigned too, and a seat nobody independent can take waits until someone can. A day before the deadline,
/// an evaluator who has not reviewed yet is reminded by email.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class AppealReviewDeadlineTests(GrainClusterFixture fixture)
{
    private const string Justification = "The panel overlooked the post-incident review in my second artifact, which covers every criterion.";
    private static readonly AssessmentPolicy Policy = AssessmentPolicy.Default with { ReviewDeadlineDays = 3, AppealWindowDays = 30 };

    [Fact]
    public async Task An_overdue_appeal_review_is_reassigned_outside_the_original_panel_and_counted_against_the_evaluator()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: Policy);
        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var failed = await FailAsync(program, learnerId, definitionId);
        var original = failed.Panel.Select(s => s.EvaluatorId).ToList();
        var appealPool = new[] { await program.EvaluatorAsync(), await program.EvaluatorAsync(), await program.EvaluatorAsync() };
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(program.Community);

        var appeal = await FileAsync(program, learnerId, failed.Id);
        Assert.All(appeal.Panel, s => Assert.Equal(s.AssignedAt.AddDays(3), s.DueAt));
        Assert.Equal(4, (await bucket.GetStatusAsync()).Scheduled); // each seat's deadline and its reminder
        var (punctual, late) = (appeal.Panel[0].EvaluatorId, appeal.Panel[1].EvaluatorId);
        await Grain(program, appeal.Id).SubmitReviewAsync(program.Review(punctual, "Exemplary"));
        Assert.Equal(2, (await bucket.GetStatusAsync()).Scheduled);

        Assert.Equal(0, await bucket.SweepAsync());
        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await bucket.SweepAsync()); // a day before the deadline, the late evaluator is reminded
        var reminded = await AuditTrail.WithAsync(fixture.Grains, program.Community, "appeal.review-reminded", appeal.Id);
        Assert.Contains(late, Assert.Single(reminded, e => e.Action == "appeal.review-reminded").Details, StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => bucket.GetStatusAsync(), s => s.Scheduled == 1 && s.Dispatched == 0, "the reminder is done, the deadline remains");
        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await bucket.SweepAsync());

        // The original panel is free and qualified, but only the evaluator new to the case may replace the late one.
        var reassigned = await Eventually.HoldsAsync(() => Grain(program, appeal.Id).GetAsync(), a => a.Panel.All(s => s.EvaluatorId != late), "the late appeal seat is reassigned");
        var replacement = reassigned.Panel.Single(s => s.EvaluatorId != punctual);
        Assert.Equal(appealPool.Except([punctual, late]).Single(), replacement.EvaluatorId);
        Assert.DoesNotContain(replacement.EvaluatorId, original);
        Assert.Equal(replacement.AssignedAt.AddDays(3), replacement.DueAt);
        var former = Assert.Single(reassigned.FormerSeats!);
        Assert.Equal((late, SeatRelease.Overdue), (former.EvaluatorId, former.Why));
        var lateProfile = await program.Pool.GetAsync(late);
        Assert.Equal(1, lateProfile.OverdueReviews);
        Assert.DoesNotContain(appeal.Id, lateProfile.ActiveAttemptIds);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<CertGridException>(() => Grain(program, appeal.Id).SubmitReviewAsync(program.Review(late, "Exemplary")))).Code);
        await Eventually.HoldsAsync(() => bucket.GetStatusAsync(), s => s.Scheduled == 2 && s.Dispatched == 0, "only the replacement's deadline and reminder are scheduled");

        var decided = await Grain(program, appeal.Id).SubmitReviewAsync(program.Review(replacement.EvaluatorId, "Proficient"));
        Assert.Equal(AppealOutcome.Overturned, decided.Outcome);
        Assert.Equal((0, false), await StatusAsync(bucket));
        Assert.All(await program.Pool.ListAsync(), e => Assert.Empty(e.ActiveAttemptIds));

        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "appeal.decided", appeal.Id);
        Assert.Contains(audit, e => e.Action == "appeal.review-overdue" && e.Subject == appeal.Id && e.Details.Contains(late, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "appeal.assigned" && e.Details.Contains($"replaces {late}", StringComparison.Ordinal));
        Assert.Single(audit, e => e.Action == "appeal.review-reminded"); // the punctual evaluator and the replacement were never reminded
    }

    [Fact]
    public async Task A_recused_appeal_seat_waits_for_an_independent_evaluator_rather_than_the_original_panel()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: Policy);
        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var failed = await FailAsync(program, learnerId, definitionId);
        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        var appeal = await FileAsync(program, learnerId, failed.Id);
        var (stays, leaves) = (appeal.Panel[0].EvaluatorId, appeal.Panel[1].EvaluatorId);
        var grain = Grain(program, appeal.Id);

        Assert.Equal("input.reason", (await Assert.ThrowsAsync<CertGridException>(() => grain.RecuseAsync(leaves, "no"))).Field);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<CertGridException>(() => grain.RecuseAsync(failed.Panel[0].EvaluatorId, "I would rather not review this."))).Code);
        await grain.SubmitReviewAsync(program.Review(stays, "Proficient"));
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<CertGridException>(() => grain.RecuseAsync(stays, "I reviewed before I noticed the conflict."))).Code);

        var waiting = await grain.RecuseAsync(leaves, "The learner reported to me at my previous employer.");
        Assert.Equal([stays], waiting.Panel.Select(s => s.EvaluatorId));
        Assert.Equal((SeatRelease.Recused, "The learner reported to me at my previous employer."), (waiting.FormerSeats!.Single().Why, waiting.FormerSeats!.Single().Reason));
        Assert.Equal(1, (await program.Pool.GetAsync(leaves)).Recusals);
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(program.Community);
        Assert.Equal(1, (await bucket.GetStatusAsync()).Scheduled); // the empty seat's retry

        fixture.Cluster.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await bucket.SweepAsync());
        Assert.Single((await grain.GetAsync()).Panel);
        Assert.Equal(1, (await bucket.GetStatusAsync()).Scheduled); // still waiting: the original panel never fills the seat

        var newcomer = await program.EvaluatorAsync();
        fixture.Cluster.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await bucket.SweepAsync());
        var filled = await Eventually.HoldsAsync(() => grain.GetAsync(), a => a.Panel.Count == 2, "the empty appeal seat is filled");
        Assert.Equal(newcomer, filled.Panel.Single(s => s.EvaluatorId != stays).EvaluatorId);
        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "appeal.recused", appeal.Id);
        Assert.Contains("previous employer", audit.Single(e => e.Action == "appeal.recused").Details, StringComparison.Ordinal);
    }

    private static async Task<AttemptView> FailAsync(ProgramBuilder program, string learnerId, string definitionId)
    {
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        foreach (var seat in attempt.Panel)
        {
            attempt = await program.ReviewAsync(attempt.Id, seat.EvaluatorId, "Not yet");
        }

        Assert.Equal(AttemptStatus.Failed, attempt.Status);
        return attempt;
    }

    private async Task<AppealView> FileAsync(ProgramBuilder program, string learnerId, string attemptId) =>
        await Grain(program, EntityId.New(IdPrefixes.Appeal)).FileAsync(new FileAppeal(learnerId, attemptId, Justification, [await Uploads.CommitAsync(program.Learner(learnerId))]));

    private IAppealGrain Grain(ProgramBuilder program, string appealId) => fixture.Grains.GetGrain<IAppealGrain>(program.Key(appealId));

    private static async Task<(int Scheduled, bool ReminderActive)> StatusAsync(IDeadlineBucketGrain bucket)
    {
        var status = await bucket.GetStatusAsync();
        return (status.Scheduled, status.ReminderActive);
    }
}
