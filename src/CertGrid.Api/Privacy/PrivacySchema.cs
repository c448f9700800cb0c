using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Privacy;
using CertGrid.Domain.Privacy;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Learners;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Privacy;

/// <summary>Data rights (issue 17, part 4): a learner's erasure and rectification. See docs/privacy.md.</summary>
public sealed class PrivacySchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ErasurePlanRolloutType>>("erasurePlanRollout")
            .Description("How far the current erasure plan has reached the learners erased before it, in every community (operator). Silos start it themselves.")
            .Authorize(AccessRules.Operator)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IErasurePlanRolloutGrain>(0).GetAsync());

        query.Field<NonNullGraphType<RetentionSettingsType>>("retentionPolicy")
            .Description("The community's retention policy and what its sweeps did (admin).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IRetentionGrain>(ctx.Community()).GetAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<LearnerErasureType>>("eraseLearner")
            .Description("Erases a learner's personal data everywhere CertGrid holds it (right to erasure): a learner erases themself; admins name one. "
                + "Cannot be undone. Their credentials are revoked; the audit chain keeps its entries without their details and still verifies. "
                + "Safe to send again: a repeat answers the first erasure's receipt, and completes an erasure made before a release added a place to erase (docs/privacy.md).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .SafeToRunAgain()
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); required for admins, left out by learners.")
            .ResolveAsync(async ctx =>
            {
                var id = ctx.Caller().IsAdmin ? ctx.Id("learnerId", IdPrefixes.Learner) : ctx.OwnLearnerId();
                return await ctx.Grains().Learner(ctx.Community(), id).EraseAsync(ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<RetentionSettingsType>>("setRetentionPolicy")
            .Description("Sets how many years (1-50) without activity a learner is kept before being erased automatically, or removes the policy with null (admin; audited). "
                + "Activity: an attempt, a decision, a credential issued, a sign-in with the learner's key, a CE record, renewal evidence, or else enrolment.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<IntGraphType>("inactiveYears", "Years without activity (1-50); null removes the policy.")
            .ResolveAsync(async ctx =>
            {
                var years = ctx.GetArgument<int?>("inactiveYears");
                var policy = years is { } value ? RetentionPolicy.Of(value, "inactiveYears") : null;
                return await ctx.Grains().GetGrain<IRetentionGrain>(ctx.Community()).SetPolicyAsync(policy, ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<RetentionSweepReportType>>("applyRetentionPolicy")
            .Description("Erases now the learners inactive beyond the policy (one batch), without waiting for the daily sweep (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IRetentionGrain>(ctx.Community()).SweepAsync());

        mutation.Field<NonNullGraphType<LearnerType>>("rectifyLearner")
            .Description("Corrects a learner's name, email or organisation everywhere CertGrid keeps a copy (right to rectification): a learner corrects "
                + "themself; admins name one. Credentials already issued keep the name they were signed with; re-issue one to carry the new name.")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .SafeToRunAgain()
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); required for admins, left out by learners.")
            .Argument<NonNullGraphType<RectifyLearnerInputType>>("input", "The corrected fields; the others stay as they are.")
            .ResolveAsync(async ctx =>
            {
                var id = ctx.Caller().IsAdmin ? ctx.Id("learnerId", IdPrefixes.Learner) : ctx.OwnLearnerId();
                var input = ctx.GetArgument<RectifyLearnerInput>("input");
                return await ctx.Grains().Learner(ctx.Community(), id).RectifyAsync(new RectifyLearner(input.Name, input.Email, input.Organisation), ctx.Caller().Actor);
            });
    }
}
