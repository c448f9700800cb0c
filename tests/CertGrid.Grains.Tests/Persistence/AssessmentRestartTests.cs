using CertGrid.Abstractions.Booking;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Testing;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>Deadlines, bookings and policies outlive the cluster: a new cluster on the same storage sweeps and reassigns.</summary>
public sealed class AssessmentRestartTests
{
    [Fact]
    public async Task After_a_restart_the_bucket_still_holds_review_deadlines_and_session_reminders_and_acts_on_them()
    {
        await using var storage = new StorageScope();
        var community = GrainClusterFixture.NewCommunity();
        string attemptId, late, bookingId;
        await using (var first = await GrainCluster.StartAsync(storage))
        {
            var program = new ProgramBuilder(first.Grains, community);
            var definitionId = await program.PublishedCredentialAsync(policy: AssessmentPolicy.Default with { ReviewDeadlineDays = 2 });
            for (var i = 0; i < 3; i++)
            {
                await program.EvaluatorAsync();
            }

            var (learnerId, _) = await program.LearnerAsync();
            var attempt = await program.SubmitAsync(learnerId, definitionId);
            attemptId = attempt.Id;
            await program.ReviewAsync(attemptId, attempt.Panel[0].EvaluatorId, "Exemplary");
            late = attempt.Panel[1].EvaluatorId;

            var calendar = first.Grains.GetGrain<IBookingCalendarGrain>(community);
            var evaluator = attempt.Panel[0].EvaluatorId;
            var slot = (await calendar.PublishSlotsAsync(evaluator, [new NewSessionSlot(definitionId, first.Clock.GetUtcNow().AddDays(2), 45)], Actors.Evaluator(evaluator))).Single();
            var (other, _) = await program.LearnerAsync();
            bookingId = (await calendar.BookAsync(other, slot.Id)).Id;
            Assert.Equal(3, (await first.Grains.GetGrain<IDeadlineBucketGrain>(community).GetStatusAsync()).Scheduled); // the late review's deadline and reminder, the session reminder
        }

        await using var second = await GrainCluster.StartAsync(storage);
        var bucket = second.Grains.GetGrain<IDeadlineBucketGrain>(community);
        var status = await bucket.GetStatusAsync();
        Assert.Equal((3, true), (status.Scheduled, status.ReminderActive));

        second.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(5));
        Assert.Equal(3, await bucket.SweepAsync());
        var program2 = new ProgramBuilder(second.Grains, community);
        await Eventually.HoldsAsync(() => program2.Attempt(attemptId).GetAsync(), a => a.Panel.All(s => s.EvaluatorId != late) && a.Panel.Count == 2, "the overdue seat is reassigned");
        await Eventually.HoldsAsync(async () => (await second.Grains.GetGrain<IBookingCalendarGrain>(community).ListBookingsAsync(null, null)).Single(b => b.Id == bookingId),
            b => b.ReminderSentAt is not null, "the session reminder is sent");
        Assert.Equal(1, (await program2.Pool.GetAsync(late)).OverdueReviews);
    }
}
