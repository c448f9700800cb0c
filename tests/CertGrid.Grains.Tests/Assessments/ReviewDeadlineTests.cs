using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Assessments;

/// <summary>
/// Review deadlines live in the community's deadline bucket (one reminder while it holds anything); an overdue review is
/// reassigned and counted against the evaluator; a recusal with a reason is reassigned too.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class ReviewDeadlineTests(GrainClusterFixture fixture)
{
    private static readonly AssessmentPolicy ThreeDays = AssessmentPolicy.Default with { ReviewDeadlineDays = 3 };

    [Fact]
    public async Task An_overdue_review_is_reassigned_counted_against_the_evaluator_and_the_reminder_goes_once_nothing_is_due()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: ThreeDays);
        var evaluators = new[] { await program.EvaluatorAsync(), await program.EvaluatorAsync(), await program.EvaluatorAsync() };
        var (learnerId, _) = await program.LearnerAsync();
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(program.Community);

        var attempt = await program.SubmitAsync(learnerId, definitionId);
        Assert.All(attempt.Panel, s => Assert.Equal(s.AssignedAt.AddDays(3), s.DueAt));
        Assert.Equal((4, true), await StatusAsync(bucket)); // each seat's deadline and its reminder

        var (punctual, late) = (attempt.Panel[0].EvaluatorId, attempt.Panel[1].EvaluatorId);
        await program.ReviewAsync(attempt.Id, punctual, "Exemplary");
        Assert.Equal((2, true), await StatusAsync(bucket));

        // Nothing is due yet: a sweep changes nothing.
        Assert.Equal(0, await bucket.SweepAsync());
        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        Assert.Equal(2, await bucket.SweepAsync()); // the late review's reminder (too late to send) and its deadline

        var reassigned = await Eventually.HoldsAsync(() => program.Attempt(attempt.Id).GetAsync(), a => a.Panel.All(s => s.EvaluatorId != late), "the late seat is reassigned");
        var replacement = reassigned.Panel.Single(s => s.EvaluatorId != punctual);
        Assert.Equal(evaluators.Except([punctual, late]).Single(), replacement.EvaluatorId);
        Assert.Equal(SeatRelease.Overdue, Assert.Single(reassigned.FormerSeats!).Why);
        var lateProfile = await program.Pool.GetAsync(late);
        Assert.Equal(1, lateProfile.OverdueReviews);
        Assert.DoesNotContain(attempt.Id, lateProfile.ActiveAttemptIds);
        var forbidden = await Assert.ThrowsAsync<CertGridException>(() => program.ReviewAsync(attempt.Id, late, "Exemplary"));
        Assert.Equal(ErrorCode.Forbidden, forbidden.Code);
        await Eventually.HoldsAsync(() => StatusAsync(bucket), s => s == (2, true), "the replacement's deadline and reminder are scheduled");

        // A second sweep before the replacement's deadline dispatches nothing (the old deadline was acknowledged).
        Assert.Equal(0, await bucket.SweepAsync());
        var decided = await program.ReviewAsync(attempt.Id, replacement.EvaluatorId, "Exemplary");
        Assert.Equal(Abstractions.Assessments.AttemptStatus.Passed, decided.Status);
        Assert.Equal((0, false), await StatusAsync(bucket));

        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "review.overdue", attempt.Id);
        Assert.Contains(audit, e => e.Action == "attempt.assigned" && e.Details.Contains($"replaces {late}", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => e.Action == "review.reminded"); // dispatched only after the deadline: the overdue email replaces it
    }

    [Fact]
    public async Task A_recusal_with_a_reason_is_reassigned_and_only_open_seats_can_recuse()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: ThreeDays);
        for (var i = 0; i < 3; i++)
        {
            await program.EvaluatorAsync();
        }

        var (learnerId, _) = await program.LearnerAsync();
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        var (stays, leaves) = (attempt.Panel[0].EvaluatorId, attempt.Panel[1].EvaluatorId);

        var vague = await Assert.ThrowsAsync<CertGridException>(() => program.Attempt(attempt.Id).RecuseAsync(leaves, "no"));
        Assert.Equal("input.reason", vague.Field);
        await program.ReviewAsync(attempt.Id, stays, "Proficient");
        var reviewed = await Assert.ThrowsAsync<CertGridException>(() => program.Attempt(attempt.Id).RecuseAsync(stays, "I know the learner from a past job."));
        Assert.Equal(ErrorCode.Conflict, reviewed.Code);

        var after = await program.Attempt(attempt.Id).RecuseAsync(leaves, "I coached this learner last year.");
        Assert.DoesNotContain(after.Panel, s => s.EvaluatorId == leaves);
        Assert.Equal(2, after.Panel.Count);
        var former = Assert.Single(after.FormerSeats!);
        Assert.Equal((SeatRelease.Recused, "I coached this learner last year."), (former.Why, former.Reason));
        Assert.Equal(1, (await program.Pool.GetAsync(leaves)).Recusals);
        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "review.recused", attempt.Id);
        Assert.Contains("I coached this learner last year.", audit.Single(e => e.Action == "review.recused").Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_replacement_the_seat_waits_in_the_bucket_and_is_filled_once_an_evaluator_is_free()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: ThreeDays);
        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(program.Community);

        var waiting = await program.Attempt(attempt.Id).RecuseAsync(attempt.Panel[0].EvaluatorId, "Conflict of schedule for the whole month.");
        Assert.Single(waiting.Panel);
        Assert.Equal(3, (await bucket.GetStatusAsync()).Scheduled); // the remaining review's deadline and reminder, and the empty seat's retry

        var newcomer = await program.EvaluatorAsync();
        fixture.Cluster.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await bucket.SweepAsync());
        var filled = await Eventually.HoldsAsync(() => program.Attempt(attempt.Id).GetAsync(), a => a.Panel.Count == 2, "the empty seat is filled");
        Assert.Contains(filled.Panel, s => s.EvaluatorId == newcomer);
        await Eventually.HoldsAsync(() => bucket.GetStatusAsync(), s => s.Scheduled == 4 && s.Dispatched == 0, "only review deadlines and reminders remain");
    }

    private static async Task<(int Scheduled, bool ReminderActive)> StatusAsync(IDeadlineBucketGrain bucket)
    {
        var status = await bucket.GetStatusAsync();
        return (status.Scheduled, status.ReminderActive);
    }
}
