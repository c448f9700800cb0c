using CertGrid.Abstractions.Booking;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Access;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Booking;

/// <summary>Live assessment sessions: evaluators publish slots; learners book, cancel and reschedule within the credential's policy.</summary>
public sealed class BookingSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionSlotType>>>>("sessionSlots")
            .Description("Upcoming slots, optionally of one credential or evaluator (free ones only unless 'includeBooked').")
            .Authorize(AccessRules.Members)
            .Argument<IdGraphType>("credentialId", "Only slots for this credential (def_…).")
            .Argument<IdGraphType>("evaluatorId", "Only this evaluator's slots (evl_…).")
            .Argument<BooleanGraphType>("includeBooked", "Also list slots already booked (default false).")
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var credentialId = ctx.GetArgument<string?>("credentialId") is { } c ? EntityId.Require(c, IdPrefixes.CredentialDefinition, "credentialId") : null;
                var evaluatorId = ctx.GetArgument<string?>("evaluatorId") is { } e ? EntityId.Require(e, IdPrefixes.Evaluator, "evaluatorId") : null;
                return await ctx.Grains().GetGrain<IBookingCalendarGrain>(community)
                    .ListSlotsAsync(credentialId, evaluatorId, null, onlyFree: !ctx.GetArgument<bool>("includeBooked"));
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionBookingType>>>>("sessionBookings")
            .Description("Assessment-session bookings: a learner's own, the bookings of an evaluator's slots, or all of them for admins.")
            .Authorize(AccessRules.Admins | AccessRules.Learners | AccessRules.Evaluators)
            .ResolveAsync(async ctx =>
            {
                var calendar = ctx.Grains().GetGrain<IBookingCalendarGrain>(ctx.Community());
                return ctx.Caller().IsAdmin ? await calendar.ListBookingsAsync(null, null)
                    : ctx.Caller().Role == Domain.Access.Role.Learner ? await calendar.ListBookingsAsync(ctx.OwnLearnerId(), null)
                    : await calendar.ListBookingsAsync(null, ctx.OwnEvaluatorId());
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionSlotType>>>>("publishSessionSlots")
            .Description("Publishes slots for live sessions of credentials you may assess; they must not overlap your other slots (evaluator).")
            .Authorize(AccessRules.Evaluators)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<NewSessionSlotInputType>>>>("slots", "The slots to offer.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var evaluatorId = ctx.OwnEvaluatorId();
                var slots = ctx.GetArgument<List<NewSessionSlotInput>>("slots").Select(s => new NewSessionSlot(s.CredentialId, s.StartsAt, s.DurationMinutes)).ToList();
                return await ctx.Grains().GetGrain<IBookingCalendarGrain>(ctx.Community()).PublishSlotsAsync(evaluatorId, slots, caller.Actor);
            });

        mutation.Field<NonNullGraphType<SessionSlotType>>("withdrawSessionSlot")
            .Description("Withdraws a slot; a booking on it is cancelled (its evaluator or an admin).")
            .Authorize(AccessRules.Members)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("slotId", "The slot (slt_…).")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why it is withdrawn; kept in the audit log.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await ctx.Grains().GetGrain<IBookingCalendarGrain>(ctx.Community())
                    .WithdrawSlotAsync(EntityId.Require(ctx.GetArgument<string>("slotId"), IdPrefixes.SessionSlot, "slotId"), Actor(caller), ctx.GetArgument<string>("reason"));
            });

        mutation.Field<NonNullGraphType<SessionBookingType>>("bookSession")
            .Description("Books a free slot (learner). CONFLICT if someone else just took it.")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("slotId", "The slot to book (slt_…).")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = ctx.OwnLearnerId();
                return await ctx.Grains().GetGrain<IBookingCalendarGrain>(ctx.Community())
                    .BookAsync(learnerId, EntityId.Require(ctx.GetArgument<string>("slotId"), IdPrefixes.SessionSlot, "slotId"));
            });

        mutation.Field<NonNullGraphType<SessionBookingType>>("cancelBooking")
            .Description("Cancels a booking: learners until the credential's cut-off; the evaluator or an admin with a reason.")
            .Authorize(AccessRules.Members)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("bookingId", "The booking (bkg_…).")
            .Argument<StringGraphType>("reason", "Why it is cancelled; kept in the audit log (evaluators and admins must give one).")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await ctx.Grains().GetGrain<IBookingCalendarGrain>(ctx.Community())
                    .CancelAsync(EntityId.Require(ctx.GetArgument<string>("bookingId"), IdPrefixes.Booking, "bookingId"), Actor(caller), ctx.GetArgument<string?>("reason"));
            });

        mutation.Field<NonNullGraphType<SessionBookingType>>("rescheduleBooking")
            .Description("Moves your booking to another free slot of the same credential, within the cut-off and reschedule limit (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("bookingId", "The booking (bkg_…).")
            .Argument<NonNullGraphType<IdGraphType>>("slotId", "The new slot (slt_…).")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = ctx.OwnLearnerId();
                return await ctx.Grains().GetGrain<IBookingCalendarGrain>(ctx.Community()).RescheduleAsync(
                    EntityId.Require(ctx.GetArgument<string>("bookingId"), IdPrefixes.Booking, "bookingId"), learnerId,
                    EntityId.Require(ctx.GetArgument<string>("slotId"), IdPrefixes.SessionSlot, "slotId"));
            });
    }

    private static BookingActor Actor(Caller caller) => new(caller.Actor,
        caller.Role == Domain.Access.Role.Learner ? caller.SubjectId : null,
        caller.Role == Domain.Access.Role.Evaluator ? caller.SubjectId : null,
        caller.IsAdmin);
}
