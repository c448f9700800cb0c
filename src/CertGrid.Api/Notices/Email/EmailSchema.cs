using CertGrid.Abstractions.Notices.Email;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using CertGrid.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Notices.Email;

/// <summary>Notices by email: a learner's or evaluator's preferences, unsubscribe links, and the people whose address bounces (admin).</summary>
public sealed class EmailSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<EmailPreferencesType>>("emailPreferences")
            .Description("Which notices reach a person by email: your own (learner, evaluator) or a learner's or evaluator's (admin, learnerId or evaluatorId).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId") | AccessRules.EvaluatorNamedBy("evaluatorId"))
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); admins name a learner or an evaluator, people leave both out.")
            .Argument<IdGraphType>("evaluatorId", "The evaluator (evl_…); admins name a learner or an evaluator, people leave both out.")
            .ResolveAsync(async ctx => await ctx.Grains().EmailPreferences(ctx.Community(), PersonOf(ctx)).GetAsync());

        query.Field<NonNullGraphType<PageGraphType<EmailBounceType, EmailBounce>>>("emailBounces")
            .Description("Learners and evaluators whose email address the mail relay refuses (admin): they get no email until their address is corrected.")
            .Authorize(AccessRules.Admins)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().EmailBounces(ctx.Community()).ListAsync(ctx.Page()));
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<EmailPreferencesType>>("setEmailPreferences")
            .Description("Chooses which notices reach you by email and in which language (learner, evaluator).")
            .Authorize(AccessRules.Learners | AccessRules.Evaluators)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<EmailPreferencesInputType>>("input", "The topics to get by email and the emails' language.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<EmailPreferencesInput>("input");
                return await ctx.Grains().EmailPreferences(ctx.Community(), OwnId(ctx))
                    .SetAsync(new SetEmailPreferences(input.Topics, input.Language), ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<EmailTopicType>>("unsubscribeFromEmail")
            .Description("Follows the unsubscribe link of a notice email: no more emails of its topic to its recipient. The token is the only authority needed.")
            .Authorize(AccessRules.Anyone)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<StringGraphType>>("token", "The token of the link (the 'token' query parameter).")
            .ResolveAsync(async ctx => (await ctx.Service<EmailUnsubscriber>().UnsubscribeAsync(ctx.GetArgument<string>("token"))).Topic);
    }

    /// <summary>An admin names one learner or one evaluator; a learner or evaluator reads their own.</summary>
    private static string PersonOf(IResolveFieldContext ctx)
    {
        if (!ctx.Caller().IsAdmin)
        {
            var own = OwnId(ctx);
            RequireOwnOrNone(ctx, "learnerId", IdPrefixes.Learner, own);
            RequireOwnOrNone(ctx, "evaluatorId", IdPrefixes.Evaluator, own);
            return own;
        }

        return ctx.GetArgument<string?>("evaluatorId") is null
            ? ctx.Id("learnerId", IdPrefixes.Learner)
            : ctx.GetArgument<string?>("learnerId") is null
                ? ctx.Id("evaluatorId", IdPrefixes.Evaluator)
                : throw CertGridException.Invalid("evaluatorId", "Name a learner (learnerId) or an evaluator (evaluatorId), not both.");
    }

    /// <summary>A learner or evaluator may leave the argument out or name themselves; anything else is refused, not ignored.</summary>
    private static void RequireOwnOrNone(IResolveFieldContext ctx, string argument, string prefix, string own)
    {
        if (ctx.GetArgument<string?>(argument) is not null && ctx.Id(argument, prefix) != own)
        {
            throw CertGridException.Forbidden($"You can read only your own email preferences: leave {argument} out.");
        }
    }

    private static string OwnId(IResolveFieldContext ctx) => ctx.Caller().Role == Role.Evaluator ? ctx.OwnEvaluatorId() : ctx.OwnLearnerId();
}
