using CertGrid.Abstractions.Notices.Email;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using CertGrid.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Notices.Email;

/// <summary>Notices by email: a learner's preferences, unsubscribe links, and the learners whose address bounces (admin).</summary>
public sealed class EmailSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<EmailPreferencesType>>("emailPreferences")
            .Description("Which notices reach a learner by email: your own (learner) or a learner's (admin, learnerId).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); required for admins, left out by learners.")
            .ResolveAsync(async ctx => await ctx.Grains().EmailPreferences(ctx.Community(), LearnerOf(ctx)).GetAsync());

        query.Field<NonNullGraphType<PageGraphType<EmailBounceType, EmailBounce>>>("emailBounces")
            .Description("Learners whose email address the mail relay refuses (admin): they get no email until their address is corrected.")
            .Authorize(AccessRules.Admins)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().EmailBounces(ctx.Community()).ListAsync(ctx.Page()));
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<EmailPreferencesType>>("setEmailPreferences")
            .Description("Chooses which notices reach you by email and in which language (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<EmailPreferencesInputType>>("input", "The topics to get by email and the emails' language.")
            .ResolveAsync(async ctx =>
            {
                var learnerId = ctx.OwnLearnerId();
                var input = ctx.GetArgument<EmailPreferencesInput>("input");
                return await ctx.Grains().EmailPreferences(ctx.Community(), learnerId)
                    .SetAsync(new SetEmailPreferences(input.Topics, input.Language), ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<EmailTopicType>>("unsubscribeFromEmail")
            .Description("Follows the unsubscribe link of a notice email: no more emails of its topic to its recipient. The token is the only authority needed.")
            .Authorize(AccessRules.Anyone)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<StringGraphType>>("token", "The token of the link (the 'token' query parameter).")
            .ResolveAsync(async ctx => (await ctx.Service<EmailUnsubscriber>().UnsubscribeAsync(ctx.GetArgument<string>("token"))).Topic);
    }

    private static string LearnerOf(IResolveFieldContext ctx) => ctx.Caller().IsAdmin ? ctx.Id("learnerId", IdPrefixes.Learner) : ctx.OwnLearnerId();
}
