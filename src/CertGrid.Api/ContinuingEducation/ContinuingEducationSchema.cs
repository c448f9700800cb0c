using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Api.GraphQl;
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
            .Argument<IdGraphType>("learnerId")
            .ResolveAsync(async ctx => await Ledger(ctx, ReadableLearner(ctx)).GetActivitiesAsync());

        query.Field<NonNullGraphType<CeCreditRulesType>>("continuingEducationRules")
            .Description("The community's automatic-credit rules.")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<ICeRulesGrain>(ctx.Caller().RequireMember()).GetAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<CeActivityType>>("recordCeActivity")
            .Description("Records an activity: self-reported by a learner, or verified at once when an admin records it for a learner.")
            .Argument<NonNullGraphType<RecordCeActivityInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var input = ctx.GetArgument<RecordCeActivityInput>("input");
                var learnerId = caller.IsAdmin
                    ? EntityId.Require(input.LearnerId, IdPrefixes.Learner, "input.learnerId")
                    : caller.RequireLearner();
                if (!caller.IsAdmin && input.LearnerId is not null && input.LearnerId != learnerId)
                {
                    throw CertGridException.Forbidden("A learner records activities in their own ledger only.");
                }

                return await Ledger(ctx, learnerId).RecordAsync(input.ToInput(), verified: caller.IsAdmin, caller.Actor);
            });

        mutation.Field<NonNullGraphType<CeActivityType>>("verifyCeActivity")
            .Description("Verifies a self-reported activity so its credits count (admin).")
            .Argument<NonNullGraphType<IdGraphType>>("learnerId")
            .Argument<NonNullGraphType<IdGraphType>>("activityId")
            .ResolveAsync(async ctx => await AdminLedger(ctx).VerifyAsync(ctx.GetArgument<string>("activityId"), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<CeActivityType>>("rejectCeActivity")
            .Description("Rejects an activity with a reason the learner sees (admin).")
            .Argument<NonNullGraphType<IdGraphType>>("learnerId")
            .Argument<NonNullGraphType<IdGraphType>>("activityId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx => await AdminLedger(ctx).RejectAsync(ctx.GetArgument<string>("activityId"), ctx.GetArgument<string>("reason"), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<CeCreditRulesType>>("setContinuingEducationRules")
            .Description("Sets the credits granted automatically for reviews and mentorships (admin).")
            .Argument<NonNullGraphType<CeCreditRulesInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var input = ctx.GetArgument<CeCreditRulesInput>("input");
                return await ctx.Grains().GetGrain<ICeRulesGrain>(caller.RequireAdmin())
                    .SetAsync(new CeCreditRules(input.CreditsPerReview, input.ReviewCategory, input.CreditsPerMentorship, input.MentoringCategory), caller.Actor);
            });
    }

    private static ICeLedgerGrain Ledger(IResolveFieldContext ctx, string learnerId) =>
        ctx.Grains().GetGrain<ICeLedgerGrain>(new ScopedKey(ctx.Caller().RequireMember(), learnerId).ToString());

    private static ICeLedgerGrain AdminLedger(IResolveFieldContext ctx) =>
        ctx.Grains().GetGrain<ICeLedgerGrain>(ctx.Scoped(ctx.Caller().RequireAdmin(), ctx.GetArgument<string>("learnerId"), IdPrefixes.Learner, "learnerId"));

    private static string ReadableLearner(IResolveFieldContext ctx)
    {
        var caller = ctx.Caller();
        caller.RequireMember();
        var learnerId = ctx.GetArgument<string?>("learnerId") ?? (caller.Role == Role.Learner ? caller.SubjectId : null);
        learnerId = EntityId.Require(learnerId, IdPrefixes.Learner, "learnerId");
        return caller.IsAdmin || caller.IsLearner(learnerId)
            ? learnerId
            : throw CertGridException.Forbidden("Only the learner and community admins can read a continuing-education ledger.");
    }
}
