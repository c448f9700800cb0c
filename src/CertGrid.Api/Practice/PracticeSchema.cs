using CertGrid.Abstractions.Practice;
using CertGrid.Api.Access;
using CertGrid.Api.Assessments;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Practice;

/// <summary>Diagnostic and practice assessments: self-assessment, a mentor's practice review, the readiness report. Never attempts.</summary>
public sealed class PracticeSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PracticeSessionType>>>>("practiceSessions")
            .Description("A learner's practice sessions, newest first (the learner; admins name the learner).")
            .Argument<IdGraphType>("credentialId")
            .Argument<IdGraphType>("learnerId")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var credentialId = ctx.GetArgument<string?>("credentialId") is { } id ? EntityId.Require(id, IdPrefixes.CredentialDefinition, "credentialId") : null;
                return await Practice(ctx, caller, ctx.GetArgument<string?>("learnerId")).ListAsync(credentialId);
            });

        query.Field<NonNullGraphType<PracticeSessionType>>("practiceSession")
            .Description("One practice session: for the learner, admins, and the mentor it was sent to.")
            .Argument<NonNullGraphType<IdGraphType>>("learnerId")
            .Argument<NonNullGraphType<IdGraphType>>("sessionId")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var key = ctx.Scoped(caller.RequireMember(), ctx.GetArgument<string>("learnerId"), IdPrefixes.Learner, "learnerId");
                var session = await ctx.Grains().GetGrain<ILearnerPracticeGrain>(key).GetAsync(ctx.GetArgument<string>("sessionId"));
                return caller.IsAdmin || caller.IsLearner(session.LearnerId) || (session.MentorEvaluatorId is { } mentor && caller.IsEvaluator(mentor))
                    ? session
                    : throw CertGridException.Forbidden("Only the learner, admins and the requested mentor can read a practice session.");
            });

        query.Field<NonNullGraphType<ReadinessReportType>>("readinessReport")
            .Description("Weak criteria and the estimated score from the latest self-assessment and mentor review (the learner; admins name the learner).")
            .Argument<NonNullGraphType<IdGraphType>>("credentialId")
            .Argument<IdGraphType>("learnerId")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var credentialId = EntityId.Require(ctx.GetArgument<string>("credentialId"), IdPrefixes.CredentialDefinition, "credentialId");
                return await Practice(ctx, caller, ctx.GetArgument<string?>("learnerId")).GetReadinessAsync(credentialId);
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<PracticeSessionType>>("selfAssess")
            .Description("A diagnostic self-assessment of every criterion of a credential's rubric; it never counts as an attempt (learner).")
            .Argument<NonNullGraphType<IdGraphType>>("credentialId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreInputType>>>>("scores")
            .Argument<StringGraphType>("note")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await Practice(ctx, caller, null).SelfAssessAsync(new SelfAssessment(ctx.GetArgument<string>("credentialId"),
                    ctx.GetArgument<List<CriterionScoreInput>>("scores").Select(s => s.ToScore()).ToList(), ctx.GetArgument<string?>("note")));
            });

        mutation.Field<NonNullGraphType<PracticeSessionType>>("requestPracticeReview")
            .Description("Asks your declared mentor (an evaluator) for a practice review of a session, optionally with evidence (learner).")
            .Argument<NonNullGraphType<IdGraphType>>("sessionId")
            .Argument<NonNullGraphType<IdGraphType>>("mentorEvaluatorId")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("artifactIds")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var mentor = EntityId.Require(ctx.GetArgument<string>("mentorEvaluatorId"), IdPrefixes.Evaluator, "mentorEvaluatorId");
                return await Practice(ctx, caller, null).RequestMentorReviewAsync(ctx.GetArgument<string>("sessionId"), mentor, ctx.GetArgument<List<string>?>("artifactIds") ?? []);
            });

        mutation.Field<NonNullGraphType<PracticeSessionType>>("submitPracticeReview")
            .Description("A mentor's practice review of a learner's session (the requested evaluator).")
            .Argument<NonNullGraphType<IdGraphType>>("learnerId")
            .Argument<NonNullGraphType<IdGraphType>>("sessionId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreInputType>>>>("scores")
            .Argument<StringGraphType>("note")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var evaluatorId = caller.RequireEvaluator();
                var key = ctx.Scoped(caller.Community!, ctx.GetArgument<string>("learnerId"), IdPrefixes.Learner, "learnerId");
                return await ctx.Grains().GetGrain<ILearnerPracticeGrain>(key).SubmitMentorReviewAsync(ctx.GetArgument<string>("sessionId"), evaluatorId,
                    ctx.GetArgument<List<CriterionScoreInput>>("scores").Select(s => s.ToScore()).ToList(), ctx.GetArgument<string?>("note"));
            });
    }

    /// <summary>The caller's own practice grain, or for admins the named learner's.</summary>
    private static ILearnerPracticeGrain Practice(IResolveFieldContext ctx, Caller caller, string? learnerId)
    {
        var community = caller.RequireMember();
        var id = caller.IsAdmin ? EntityId.Require(learnerId, IdPrefixes.Learner, "learnerId") : caller.RequireLearner();
        return ctx.Grains().GetGrain<ILearnerPracticeGrain>(new ScopedKey(community, id).ToString());
    }
}
