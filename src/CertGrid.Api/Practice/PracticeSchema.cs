using CertGrid.Abstractions.Practice;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Access;
using CertGrid.Api.Assessments;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
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
            .Description("A learner's practice sessions, newest first (a learner reads their own; admins name the learner).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .Argument<IdGraphType>("credentialId", "Only sessions for this credential (def_…).")
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); required for admins, left out by learners.")
            .ResolveAsync(async ctx =>
            {
                var credentialId = ctx.GetArgument<string?>("credentialId") is not null ? ctx.Id("credentialId", IdPrefixes.CredentialDefinition) : null;
                return await Practice(ctx).ListAsync(credentialId);
            });

        query.Field<NonNullGraphType<PracticeSessionType>>("practiceSession")
            .Description("One practice session: for the learner, admins, and the mentor it was sent to.")
            .Authorize(AccessRules.Admins | AccessRules.LearnerOf<PracticeSession>(p => p.LearnerId)
                | new ResultRule<PracticeSession>("the key of the mentor it was sent to", (c, p) => p.MentorEvaluatorId is { } mentor && c.IsEvaluator(mentor)))
            .Argument<NonNullGraphType<IdGraphType>>("learnerId", "The learner (lrn_…).")
            .Argument<NonNullGraphType<IdGraphType>>("sessionId", "The session, as practiceSessions lists it.")
            .ResolveAsync(async ctx => await ctx.Grains().LearnerPractice(ctx.Community(), ctx.Id("learnerId", IdPrefixes.Learner)).GetAsync(ctx.GetArgument<string>("sessionId")));

        query.Field<NonNullGraphType<ReadinessReportType>>("readinessReport")
            .Description("Weak criteria and the estimated score from the latest self-assessment and mentor review (a learner reads their own; admins name the learner).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "The credential (def_…).")
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); required for admins, left out by learners.")
            .ResolveAsync(async ctx => await Practice(ctx).GetReadinessAsync(ctx.Id("credentialId", IdPrefixes.CredentialDefinition)));
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<PracticeSessionType>>("selfAssess")
            .Description("A diagnostic self-assessment of every criterion of a credential's rubric; it never counts as an attempt.")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "The credential (def_…).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreInputType>>>>("scores", "Your level for every rubric criterion.")
            .Argument<StringGraphType>("note", "A note to yourself or your mentor.")
            .ResolveAsync(async ctx => await Practice(ctx).SelfAssessAsync(new SelfAssessment(ctx.GetArgument<string>("credentialId"),
                ctx.GetArgument<List<CriterionScoreInput>>("scores").Select(s => s.ToScore()).ToList(), ctx.GetArgument<string?>("note"))));

        mutation.Field<NonNullGraphType<PracticeSessionType>>("requestPracticeReview")
            .Description("Asks your declared mentor (an evaluator) for a practice review of a session, optionally with evidence.")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("sessionId", "Your practice session.")
            .Argument<NonNullGraphType<IdGraphType>>("mentorEvaluatorId", "Your declared mentor (evl_…).")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("artifactIds", "Committed portfolio artifacts to show the mentor (art_…).")
            .ResolveAsync(async ctx => await Practice(ctx).RequestMentorReviewAsync(ctx.GetArgument<string>("sessionId"), ctx.Id("mentorEvaluatorId", IdPrefixes.Evaluator),
                ctx.GetArgument<List<string>?>("artifactIds") ?? []));

        mutation.Field<NonNullGraphType<PracticeSessionType>>("submitPracticeReview")
            .Description("A mentor's practice review of a learner's session (the requested evaluator; the session checks it was sent to you).")
            .Authorize(AccessRules.Evaluators)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("learnerId", "The learner (lrn_…).")
            .Argument<NonNullGraphType<IdGraphType>>("sessionId", "The session sent to you.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreInputType>>>>("scores", "Your level for every rubric criterion.")
            .Argument<StringGraphType>("note", "Advice for the learner.")
            .ResolveAsync(async ctx => await ctx.Grains().LearnerPractice(ctx.Community(), ctx.Id("learnerId", IdPrefixes.Learner)).SubmitMentorReviewAsync(ctx.GetArgument<string>("sessionId"),
                ctx.OwnEvaluatorId(), ctx.GetArgument<List<CriterionScoreInput>>("scores").Select(s => s.ToScore()).ToList(), ctx.GetArgument<string?>("note")));
    }

    /// <summary>The calling learner's practice, or for admins the learner the 'learnerId' argument names.</summary>
    private static ILearnerPracticeGrain Practice(IResolveFieldContext ctx) =>
        ctx.Grains().LearnerPractice(ctx.Community(), ctx.Caller().IsAdmin ? ctx.Id("learnerId", IdPrefixes.Learner) : ctx.OwnLearnerId());
}
