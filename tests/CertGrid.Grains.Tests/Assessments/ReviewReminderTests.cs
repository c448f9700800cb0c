using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Assessments;

namespace CertGrid.Grains.Tests.Assessments;

/// <summary>
/// Issue 19.3: an evaluator whose review is still open is reminded of its deadline once, a day before it (halfway through a
/// window shorter than two days), from the community's deadline bucket; nobody who already reviewed is reminded.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class ReviewReminderTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task An_open_review_is_reminded_once_a_day_before_its_deadline_and_a_reviewed_one_never()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: AssessmentPolicy.Default with { ReviewDeadlineDays = 3 });
        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(program.Community);

        var attempt = await program.SubmitAsync(learnerId, definitionId);
        Assert.Equal(4, (await bucket.GetStatusAsync()).Scheduled); // each seat's deadline and its reminder
        AssertAbout(attempt.Panel.Min(s => s.DueAt!.Value) - TimeSpan.FromDays(1), (await bucket.GetStatusAsync()).NextDueAt);
        var (punctual, late) = (attempt.Panel[0].EvaluatorId, attempt.Panel[1].EvaluatorId);
        await program.ReviewAsync(attempt.Id, punctual, "Exemplary");
        Assert.Equal(2, (await bucket.GetStatusAsync()).Scheduled);

        // Not yet a day before the deadline: nothing is due.
        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(5));
        Assert.Equal(0, await bucket.SweepAsync());
        fixture.Cluster.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await bucket.SweepAsync());

        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "review.reminded", attempt.Id);
        var reminded = Assert.Single(audit, e => e.Action == "review.reminded");
        Assert.Contains(late, reminded.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(punctual, reminded.Details, StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => bucket.GetStatusAsync(), s => s.Scheduled == 1 && s.Dispatched == 0, "only the late review's deadline remains");

        // A reminder delivered again, or one for the evaluator who reviewed, sends nothing more; the late seat is still open.
        var grain = program.Attempt(attempt.Id);
        await grain.ReviewReminderDueAsync(late);
        await grain.ReviewReminderDueAsync(punctual);
        Assert.Contains((await grain.GetAsync()).Panel, s => s.EvaluatorId == late);
        await Settled.EffectsOfAsync(fixture.Grains, grain);
        Assert.Single(await AuditTrail.AllAsync(fixture.Grains, program.Community), e => e.Action == "review.reminded");
        Assert.Equal(0, await bucket.SweepAsync());
        Assert.Equal(1, (await bucket.GetStatusAsync()).Scheduled);
    }

    [Fact]
    public async Task A_one_day_window_is_reminded_halfway_and_a_review_submitted_first_cancels_the_reminder()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: AssessmentPolicy.Default with { ReviewDeadlineDays = 1 });
        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(program.Community);

        var attempt = await program.SubmitAsync(learnerId, definitionId);
        AssertAbout(attempt.Panel.Min(s => s.AssignedAt) + TimeSpan.FromHours(12), (await bucket.GetStatusAsync()).NextDueAt);
        var (first, second) = (attempt.Panel[0].EvaluatorId, attempt.Panel[1].EvaluatorId);
        await program.ReviewAsync(attempt.Id, first, "Proficient");

        fixture.Cluster.Clock.Advance(TimeSpan.FromHours(11));
        Assert.Equal(0, await bucket.SweepAsync());
        fixture.Cluster.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await bucket.SweepAsync()); // only the second evaluator's reminder: the first one's was cancelled by their review

        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "review.reminded", attempt.Id);
        Assert.Contains(second, Assert.Single(audit, e => e.Action == "review.reminded").Details, StringComparison.Ordinal);

        // Reviewed after the reminder: nothing is left to wait for.
        await program.ReviewAsync(attempt.Id, second, "Proficient");
        await Eventually.HoldsAsync(() => bucket.GetStatusAsync(), s => s.Scheduled == 0, "the bucket empties once the panel decided");
    }

    /// <summary>The bucket's next deadline is the expected one (storage keeps times to the millisecond).</summary>
    private static void AssertAbout(DateTimeOffset expected, DateTimeOffset? actual) =>
        Assert.InRange(actual!.Value, expected - TimeSpan.FromSeconds(1), expected + TimeSpan.FromSeconds(1));
}
