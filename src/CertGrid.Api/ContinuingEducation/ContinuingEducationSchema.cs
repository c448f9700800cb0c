using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Access;
using CertGrid.Domain.ContinuingEducation;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.ContinuingEducation;

/// <summary>Continuing-education ledgers: learners report activities, admins record and verify them and set the automatic-credit rules.</summary>
public sealed class ContinuingEducationSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CeActivityType>>>>("ceActivities")
            .Description("A learner's continuing-education activities: your own (learner; omit learnerId) or any learner's (admin).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); required for admins, left out by learners.")
            .ResolveAsync(async ctx => await Ledger(ctx, ctx.Caller().IsAdmin ? ctx.Id("learnerId", IdPrefixes.Learner) : ctx.OwnLearnerId()).GetActivitiesAsync());

        query.Field<NonNullGraphType<CeCreditRulesType>>("continuingEducationRules")
            .Description("The community's automatic-credit rules.")
            .Authorize(AccessRules.Members)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<ICeRulesGrain>(ctx.Community()).GetAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<CeActivityType>>("recordCeActivity")
            .Description("Records an activity: self-reported by a learner in their own ledger, or verified at once when an admin records it for a learner.")
            .Authorize(AccessRules.Admins | new ArgumentRule("the learner's own key",
                (caller, field) => caller.Role == Role.Learner && field.GetArgument<RecordCeActivityInput>("input").LearnerId is var named && (named is null || caller.IsLearner(named))))
            .SafeToRunAgain()
            .Argument<NonNullGraphType<RecordCeActivityInputType>>("input", "The activity, and for admins the learner it is for.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RecordCeActivityInput>("input");
                var learnerId = ctx.Caller().IsAdmin ? EntityId.Require(input.LearnerId, IdPrefixes.Learner, "input.learnerId") : ctx.OwnLearnerId();
                return await Ledger(ctx, learnerId).RecordAsync(input.ToInput(), verified: ctx.Caller().IsAdmin, ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<CeActivityType>>("verifyCeActivity")
            .Description("Verifies a self-reported activity so its credits count (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("learnerId", "The learner whose ledger holds the activity (lrn_…).")
            .Argument<NonNullGraphType<IdGraphType>>("activityId", "The activity (cea_…).")
            .ResolveAsync(async ctx => await AdminLedger(ctx).VerifyAsync(ctx.GetArgument<string>("activityId"), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<CeActivityType>>("rejectCeActivity")
            .Description("Rejects an activity with a reason the learner sees (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("learnerId", "The learner whose ledger holds the activity (lrn_…).")
            .Argument<NonNullGraphType<IdGraphType>>("activityId", "The activity (cea_…).")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why it does not count; the learner sees it.")
            .ResolveAsync(async ctx => await AdminLedger(ctx).RejectAsync(ctx.GetArgument<string>("activityId"), ctx.GetArgument<string>("reason"), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<CeCreditRulesType>>("setContinuingEducationRules")
            .Description("Sets the credits granted automatically for reviews and mentorships (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<CeCreditRulesInputType>>("input", "Credits per review and per mentorship, and the categories they count in.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var input = ctx.GetArgument<CeCreditRulesInput>("input");
                return await ctx.Grains().GetGrain<ICeRulesGrain>(ctx.Community())
                    .SetAsync(new CeCreditRules(input.CreditsPerReview, input.ReviewCategory, input.CreditsPerMentorship, input.MentoringCategory), caller.Actor);
            });
    }

    private static ICeLedgerGrain Ledger(IResolveFieldContext ctx, string learnerId) => ctx.Grains().CeLedger(ctx.Community(), learnerId);

    private static ICeLedgerGrain AdminLedger(IResolveFieldContext ctx) => Ledger(ctx, ctx.Id("learnerId", IdPrefixes.Learner));
}
