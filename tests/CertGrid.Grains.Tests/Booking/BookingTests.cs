using CertGrid.Abstractions.Booking;
using CertGrid.Abstractions.Relationships;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Relationships;

namespace CertGrid.Grains.Tests.Booking;

/// <summary>Live assessment sessions: slots, bookings under concurrent requests, the change cut-off, and reminders from the bucket.</summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class BookingTests(GrainClusterFixture fixture)
{
    private static readonly AssessmentPolicy Policy = AssessmentPolicy.Default with { Booking = new BookingPolicy(24, 1, 24, 1) };

    [Fact]
    public async Task Twenty_learners_racing_for_one_slot_get_exactly_one_booking()
    {
        var (program, definitionId, calendar, evaluatorId) = await SetUpAsync();
        var slot = (await calendar.PublishSlotsAsync(evaluatorId, [new NewSessionSlot(definitionId, Now.AddDays(3), 60)], Actors.Evaluator(evaluatorId))).Single();
        var learners = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            learners.Add((await program.LearnerAsync()).Id);
        }

        var outcomes = await Task.WhenAll(learners.Select(async id =>
        {
            try
            {
                return (await calendar.BookAsync(id, slot.Id)).Id;
            }
            catch (CertGridException ex) when (ex.Code == ErrorCode.Conflict)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes.OfType<string>());
        var booked = Assert.Single(await calendar.ListBookingsAsync(null, evaluatorId));
        Assert.Equal(winner, booked.Id);
        Assert.Equal(winner, (await calendar.ListSlotsAsync(definitionId, null, Now, onlyFree: false)).Single().BookingId);
        Assert.Empty(await calendar.ListSlotsAsync(definitionId, null, Now, onlyFree: true));
    }

    [Fact]
    public async Task One_learner_racing_for_several_slots_keeps_one_and_overlaps_are_refused()
    {
        var (program, definitionId, calendar, evaluatorId) = await SetUpAsync();
        var other = await program.EvaluatorAsync();
        var slots = await calendar.PublishSlotsAsync(evaluatorId, Enumerable.Range(2, 5).Select(d => new NewSessionSlot(definitionId, Now.AddDays(d), 60)).ToList(), Actors.Evaluator(evaluatorId));
        var overlap = await Assert.ThrowsAsync<CertGridException>(() => calendar.PublishSlotsAsync(evaluatorId, [new NewSessionSlot(definitionId, Now.AddDays(2).AddMinutes(30), 60)], Actors.Evaluator(evaluatorId)));
        Assert.Equal(ErrorCode.Conflict, overlap.Code);
        var (learnerId, _) = await program.LearnerAsync();

        var outcomes = await Task.WhenAll(slots.Select(async s =>
        {
            try
            {
                return (await calendar.BookAsync(learnerId, s.Id)).Id;
            }
            catch (CertGridException ex) when (ex.Code == ErrorCode.PolicyViolation)
            {
                return null;
            }
        }));
        Assert.Single(outcomes.OfType<string>());

        // The same time with another evaluator (another credential's limit aside) still clashes with the learner's session.
        var otherDefinition = await program.PublishedCredentialAsync(policy: Policy);
        var kept = (await calendar.ListBookingsAsync(learnerId, null)).Single();
        var sameTime = (await calendar.PublishSlotsAsync(other, [new NewSessionSlot(otherDefinition, kept.StartsAt.AddMinutes(15), 30)], Actors.Evaluator(other))).Single();
        Assert.Contains("already have a session at that time", (await Assert.ThrowsAsync<CertGridException>(() => calendar.BookAsync(learnerId, sameTime.Id))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_close_at_the_cutoff_reschedules_are_limited_and_a_reminder_goes_out_before_the_session()
    {
        var (program, definitionId, calendar, evaluatorId) = await SetUpAsync();
        var slots = await calendar.PublishSlotsAsync(evaluatorId,
            [new NewSessionSlot(definitionId, Now.AddDays(3), 60), new NewSessionSlot(definitionId, Now.AddDays(4), 60), new NewSessionSlot(definitionId, Now.AddDays(5), 60)],
            Actors.Evaluator(evaluatorId));
        var (learnerId, _) = await program.LearnerAsync();
        var learner = new BookingActor(Actors.Learner(learnerId), learnerId, null, false);
        var booking = await calendar.BookAsync(learnerId, slots[0].Id);
        Assert.Equal(slots[0].StartsAt.AddHours(-24), booking.ReminderDueAt);

        var moved = await calendar.RescheduleAsync(booking.Id, learnerId, slots[1].Id);
        Assert.Equal((slots[1].StartsAt, 1), (moved.StartsAt, moved.Reschedules));
        Assert.Contains("at most 1 time(s)", (await Assert.ThrowsAsync<CertGridException>(() => calendar.RescheduleAsync(booking.Id, learnerId, slots[2].Id))).Message, StringComparison.Ordinal);
        Assert.Null((await calendar.ListSlotsAsync(definitionId, null, Now, true)).SingleOrDefault(s => s.Id == slots[1].Id));

        // A day before the session the reminder is due; the bucket sweeps it and the calendar records it once.
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(program.Community);
        fixture.Cluster.Clock.Advance(moved.ReminderDueAt - Now + TimeSpan.FromMinutes(1));
        Assert.True(await bucket.SweepAsync() >= 1);
        var reminded = await Eventually.HoldsAsync(async () => (await calendar.ListBookingsAsync(learnerId, null)).Single(), b => b.ReminderSentAt is not null, "the reminder is sent");
        await Eventually.HoldsAsync(() => bucket.GetStatusAsync(), s => s.Scheduled == 0 && !s.ReminderActive, "the bucket empties");
        await AuditTrail.WithAsync(fixture.Grains, program.Community, "session.reminder-sent", reminded.Id);

        // Inside the 24 h cut-off the learner can no longer cancel; the evaluator can, with a reason.
        var late = await Assert.ThrowsAsync<CertGridException>(() => calendar.CancelAsync(booking.Id, learner, null));
        Assert.Equal(ErrorCode.PolicyViolation, late.Code);
        Assert.Contains("until 24 h before it starts", late.Message, StringComparison.Ordinal);
        var evaluator = new BookingActor(Actors.Evaluator(evaluatorId), null, evaluatorId, false);
        await Assert.ThrowsAsync<CertGridException>(() => calendar.CancelAsync(booking.Id, evaluator, null));
        var cancelled = await calendar.CancelAsync(booking.Id, evaluator, "Taken ill; please rebook.");
        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        Assert.Contains(await calendar.ListSlotsAsync(definitionId, null, Now, true), s => s.Id == slots[1].Id);
    }

    [Fact]
    public async Task A_learner_cannot_book_a_session_with_a_conflicted_evaluator_or_one_without_the_expertise()
    {
        var (program, definitionId, calendar, evaluatorId) = await SetUpAsync();
        var novice = await program.EvaluatorAsync(expertise: ["OBS-1"]);
        var refused = await Assert.ThrowsAsync<CertGridException>(() => calendar.PublishSlotsAsync(novice, [new NewSessionSlot(definitionId, Now.AddDays(2), 60)], Actors.Evaluator(novice)));
        Assert.Contains("lacks expertise in INC-1", refused.Message, StringComparison.Ordinal);

        var slot = (await calendar.PublishSlotsAsync(evaluatorId, [new NewSessionSlot(definitionId, Now.AddDays(2), 60)], Actors.Evaluator(evaluatorId))).Single();
        var (learnerId, _) = await program.LearnerAsync();
        await fixture.Grains.GetGrain<IRelationshipsGrain>(program.Key(PersonRef.Evaluator(evaluatorId)))
            .DeclareAsync(PersonRef.Learner(learnerId), RelationshipKind.Sponsor, null, Actors.Evaluator(evaluatorId));
        var conflicted = await Assert.ThrowsAsync<CertGridException>(() => calendar.BookAsync(learnerId, slot.Id));
        Assert.Contains("has a declared relationship with the learner (sponsor)", conflicted.Message, StringComparison.Ordinal);
    }

    private DateTimeOffset Now => fixture.Cluster.Clock.GetUtcNow();

    private async Task<(ProgramBuilder Program, string DefinitionId, IBookingCalendarGrain Calendar, string EvaluatorId)> SetUpAsync()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: Policy);
        var evaluatorId = await program.EvaluatorAsync();
        return (program, definitionId, fixture.Grains.GetGrain<IBookingCalendarGrain>(program.Community), evaluatorId);
    }
}
