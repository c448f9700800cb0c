using CertGrid.Abstractions.Events;
using CertGrid.Api.Access.Rules;
using CertGrid.Domain.Events;
using GraphQL.Types;

namespace CertGrid.Api.Events;

public sealed class FeedEventType : ObjectGraphType<FeedEvent>
{
    public FeedEventType()
    {
        Name = "FeedEvent";
        Description = "Something that happened in the community, by id only (no names, emails or notes), at its place in the event feed.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The event's id (evt_…): the same on the feed, webhooks and live subscriptions; use it to deduplicate.").Resolve(ctx => ctx.Source.Event.Id);
        Field<NonNullGraphType<StringGraphType>>("type").Description($"What happened: {string.Join(", ", DomainEventTypes.All)}.").Resolve(ctx => ctx.Source.Event.Type);
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Read the feed after this cursor to continue after this event.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When it happened (UTC instant).").Resolve(ctx => ctx.Source.Event.At);
        Field<IdGraphType>("learnerId").Description("The learner (lrn_…) it concerns; null when none.").Resolve(ctx => ctx.Source.Event.Subject.LearnerId);
        Field<IdGraphType>("credentialId").Description("The issued credential (vc_…) it concerns; null when none.").Resolve(ctx => ctx.Source.Event.Subject.CredentialId);
        Field<IdGraphType>("credentialDefinitionId").Description("The credential definition (def_…) it concerns; null when none.").Resolve(ctx => ctx.Source.Event.Subject.CredentialDefinitionId);
        Field<IdGraphType>("attemptId").Description("The attempt (att_…) it concerns; null when none.").Resolve(ctx => ctx.Source.Event.Subject.AttemptId);
        Field<IdGraphType>("appealId").Description("The appeal it concerns; null when none.").Resolve(ctx => ctx.Source.Event.Subject.AppealId);
        Field<IdGraphType>("evaluatorId").Description("The evaluator (evl_…) assigned, for evaluator.assigned; null otherwise.").Resolve(ctx => ctx.Source.Event.Subject.EvaluatorId);
        Field<StringGraphType>("outcome").Description("For decisions: Passed or Failed (attempt.decided), Upheld or Overturned (appeal.decided); null otherwise.").Resolve(ctx => ctx.Source.Event.Subject.Outcome);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class EventFeedPageType : ObjectGraphType<EventFeedPage>
{
    public EventFeedPageType()
    {
        Name = "EventFeedPage";
        Description = "A page of the community's event feed, oldest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeedEventType>>>>("events").Description("The events after the cursor you passed, in the order they happened.").Resolve(ctx => ctx.Source.Events);
        Field("endCursor", x => x.Cursor, nullable: false).Description("Where to continue: pass it as 'after' next time (the last event's cursor, or the one you passed when nothing is newer yet).");
        Field(x => x.HasMore, nullable: false).Description("Whether more events are already waiting after this page.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
