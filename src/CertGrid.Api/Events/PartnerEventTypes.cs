using CertGrid.Abstractions.Events;
using CertGrid.Api.Access.Rules;
using CertGrid.Domain.Events;
using GraphQL.Types;

namespace CertGrid.Api.Events;

/// <summary>An event as a partner organisation sees it: the credential only, never the learner, attempt, appeal or evaluator.</summary>
public sealed class PartnerEventType : ObjectGraphType<FeedEvent>
{
    public PartnerEventType()
    {
        Name = "PartnerEvent";
        Description = "Something that happened to a credential its holder shares with your organisation, by id only, at its place in the community's event feed.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The event's id (evt_…): the same on the feed, webhooks and live subscriptions; use it to deduplicate.").Resolve(ctx => ctx.Source.Event.Id);
        Field<NonNullGraphType<StringGraphType>>("type").Description($"What happened: {string.Join(", ", PartnerEventRule.Types)}.").Resolve(ctx => ctx.Source.Event.Type);
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Read the feed after this cursor to continue after this event.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When it happened (UTC instant).").Resolve(ctx => ctx.Source.Event.At);
        Field<NonNullGraphType<IdGraphType>>("credentialId").Description("The shared credential (vc_…); read it with sharedCredential.").Resolve(ctx => ctx.Source.Event.Subject.CredentialId);
        Field<IdGraphType>("credentialDefinitionId").Description("The credential definition (def_…) it was issued for.").Resolve(ctx => ctx.Source.Event.Subject.CredentialDefinitionId);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PartnerEventPageType : ObjectGraphType<EventFeedPage>
{
    public PartnerEventPageType()
    {
        Name = "PartnerEventPage";
        Description = "A page of the events a partner organisation may see in one community, oldest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnerEventType>>>>("events").Description("The events after the cursor you passed that your organisation may see, in the order they happened.").Resolve(ctx => ctx.Source.Events);
        Field("endCursor", x => x.Cursor, nullable: false).Description("Where to continue: pass it as 'after' next time (it moves past events your organisation may not see too).");
        Field(x => x.HasMore, nullable: false).Description("Whether to read again at once: more events may be waiting.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
