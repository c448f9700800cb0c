using CertGrid.Abstractions.Booking;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Booking;

public sealed class BookingStatusType : EnumerationGraphType<BookingStatus>
{
    public BookingStatusType()
    {
        Name = "BookingStatus";
        Description = "BOOKED, or CANCELLED by the learner or an admin.";
    }
}

public sealed class SessionSlotType : ObjectGraphType<SessionSlot>
{
    public SessionSlotType()
    {
        Name = "SessionSlot";
        Description = "A slot an evaluator offers for a live assessment session.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The slot's id (slt_…).");
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The evaluator (evl_…) who offers the slot.");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…) the session assesses.");
        Field(x => x.StartsAt, nullable: false).Description("When the session starts (UTC instant).");
        Field(x => x.DurationMinutes, nullable: false).Description("How long the session lasts, in minutes (15-480).");
        Field<NonNullGraphType<BooleanGraphType>>("booked").Description("True while a learner holds a booking of the slot.").Resolve(ctx => ctx.Source.BookingId is not null);
        Field(x => x.Withdrawn, nullable: false).Description("True when the evaluator withdrew the slot; it can no longer be booked.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class SessionBookingType : ObjectGraphType<SessionBooking>
{
    public SessionBookingType()
    {
        Name = "SessionBooking";
        Description = "A learner's booking of a live assessment session (live sessions are never blind).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The booking's id (bkg_…).");
        Field(x => x.SlotId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The slot (slt_…) booked.");
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner (lrn_…) who booked it.");
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The evaluator (evl_…) who runs the session.");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…) the session assesses.");
        Field(x => x.StartsAt, nullable: false).Description("When the session starts (UTC instant).");
        Field(x => x.DurationMinutes, nullable: false).Description("How long the session lasts, in minutes.");
        Field(x => x.Status, type: typeof(NonNullGraphType<BookingStatusType>)).Description("BOOKED, or CANCELLED by the learner or an admin.");
        Field(x => x.BookedAt, nullable: false).Description("When the learner booked (UTC instant).");
        Field(x => x.Reschedules, nullable: false).Description("How many times the booking was moved to another slot.");
        Field(x => x.ReminderDueAt, nullable: false).Description("When the reminder notice is due (UTC instant): the policy's reminder hours before the session.");
        Field(x => x.ReminderSentAt, nullable: true).Description("When the reminder notice was sent (UTC instant); null until then.");
        Field(x => x.CancelledAt, nullable: true).Description("When the booking was cancelled (UTC instant); null while it stands.");
        Field(x => x.CancelReason, nullable: true).Description("Why it was cancelled, as given; null while it stands.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class NewSessionSlotInput
{
    public string CredentialId { get; set; } = string.Empty;
    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }
}

public sealed class NewSessionSlotInputType : InputObjectGraphType<NewSessionSlotInput>
{
    public NewSessionSlotInputType()
    {
        Name = "NewSessionSlotInput";
        Description = "An assessment-session slot an evaluator offers: the credential, when it starts and how long it lasts.";
        Field(x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The published credential definition (def_…) the session assesses.");
        Field(x => x.StartsAt, nullable: false).Description("When the session starts, as an instant with its offset; it must be in the future.");
        Field(x => x.DurationMinutes, nullable: false).Description("15-480 minutes.");
    }
}
