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
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>));
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.StartsAt, nullable: false);
        Field(x => x.DurationMinutes, nullable: false);
        Field<NonNullGraphType<BooleanGraphType>>("booked").Resolve(ctx => ctx.Source.BookingId is not null);
        Field(x => x.Withdrawn, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class SessionBookingType : ObjectGraphType<SessionBooking>
{
    public SessionBookingType()
    {
        Name = "SessionBooking";
        Description = "A learner's booking of a live assessment session (live sessions are never blind).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.SlotId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>));
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.StartsAt, nullable: false);
        Field(x => x.DurationMinutes, nullable: false);
        Field(x => x.Status, type: typeof(NonNullGraphType<BookingStatusType>));
        Field(x => x.BookedAt, nullable: false);
        Field(x => x.Reschedules, nullable: false);
        Field(x => x.ReminderDueAt, nullable: false);
        Field(x => x.ReminderSentAt, nullable: true);
        Field(x => x.CancelledAt, nullable: true);
        Field(x => x.CancelReason, nullable: true);
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
        Field(x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.StartsAt, nullable: false);
        Field(x => x.DurationMinutes, nullable: false).Description("15-480 minutes.");
    }
}
