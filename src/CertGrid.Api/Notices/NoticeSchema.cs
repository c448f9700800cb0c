using CertGrid.Abstractions.Notices;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Access;
using CertGrid.Domain.Notices;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Notices;

/// <summary>Notices (learners read theirs), webhook endpoints and the dead-letter list (admin).</summary>
public sealed class NoticeSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<PageGraphType<NoticeType, Notice>>>("notices")
            .Description("Notices about credential lifespans, newest first: your own (learner) or a learner's (admin, learnerId).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); required for admins, left out by learners.")
            .Paged()
            .ResolveAsync(async ctx =>
            {
                var learnerId = ctx.Caller().IsAdmin ? ctx.Id("learnerId", IdPrefixes.Learner) : ctx.OwnLearnerId();
                return await ctx.Grains().GetGrain<INoticeIndexGrain>(ctx.Community()).ListForLearnerAsync(learnerId, ctx.Page());
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookEndpointType>>>>("webhookEndpoints")
            .Description("Where notices are delivered (admin).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IWebhookEndpointsGrain>(ctx.Community()).ListAsync());

        query.Field<NonNullGraphType<PageGraphType<DeadLetterType, DeadLetter>>>("webhookDeadLetters")
            .Description("Deliveries that failed every attempt (admin); redeliver them with redeliverWebhook.")
            .Authorize(AccessRules.Admins)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<INoticeIndexGrain>(ctx.Community()).ListDeadLettersAsync(ctx.Page()));
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<RegisteredWebhookEndpointType>>("registerWebhookEndpoint")
            .Description("Registers an endpoint that receives every notice, signed with HMAC-SHA256 (admin). The secret is shown once.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<RegisterWebhookEndpointInputType>>("input", "The endpoint's HTTPS URL and the headers to send.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var input = ctx.GetArgument<RegisterWebhookEndpointInput>("input");
                return await ctx.Grains().GetGrain<IWebhookEndpointsGrain>(ctx.Community())
                    .RegisterAsync(new RegisterWebhookEndpoint(input.Url, input.Description, input.Secret, input.EventTypes), caller.Actor);
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("removeWebhookEndpoint")
            .Description("Removes an endpoint; deliveries still queued for it are dropped (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The endpoint (whk_…).")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var id = EntityId.Require(ctx.GetArgument<string>("id"), IdPrefixes.WebhookEndpoint, "id");
                await ctx.Grains().GetGrain<IWebhookEndpointsGrain>(ctx.Community()).RemoveAsync(id, caller.Actor);
                return true;
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("redeliverWebhook")
            .Description("Puts a dead letter back in the delivery queue, due now (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("noticeId", "The notice to send again (ntc_…).")
            .Argument<NonNullGraphType<IdGraphType>>("endpointId", "The endpoint to send it to (whk_…).")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var noticeId = EntityId.Require(ctx.GetArgument<string>("noticeId"), IdPrefixes.Notice, "noticeId");
                var endpointId = EntityId.Require(ctx.GetArgument<string>("endpointId"), IdPrefixes.WebhookEndpoint, "endpointId");
                await ctx.Grains().GetGrain<IWebhookDispatcherGrain>(ctx.Community()).RedeliverAsync(noticeId, endpointId, caller.Actor);
                return true;
            });
    }
}
