using CertGrid.Abstractions.Assessments;
using CertGrid.Api.Access;
using CertGrid.Api.GraphQl;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

/// <summary>
/// An attempt. Reviews are shown to admins; to the learner once the attempt is decided; and to an evaluator only their
/// own, so panel members judge independently. Under blind review an evaluator sees a pseudonym, never the learner's id.
/// </summary>
public sealed class AttemptType : ObjectGraphType<AttemptView>
{
    public AttemptType()
    {
        Name = "Attempt";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<IdGraphType>("learnerId").Description("The learner; null for evaluators when the credential uses blind review.")
            .Resolve(ctx => SeesLearner(ctx.Caller(), ctx.Source) ? ctx.Source.LearnerId : null);
        Field(x => x.LearnerPseudonym, nullable: false).Description("A name for the learner that is stable for this attempt and says nothing about them.");
        Field(x => x.BlindReview, nullable: false);
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field("credentialName", x => x.DefinitionName, nullable: false);
        Field(x => x.Status, type: typeof(NonNullGraphType<AttemptStatusType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("evidence").Resolve(ctx => ctx.Source.Evidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReflectionType>>>>("reflections")
            .Description("The learner's written reflections, each scored under its rubric criterion.")
            .Resolve(ctx => (ctx.Source.Reflections ?? []).Select(r => new ReflectionView(r, ctx.Source.ReflectivePrompts?.FirstOrDefault(p => p.Code == r.PromptCode))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PanelSeatType>>>>("panel").Resolve(ctx => ctx.Source.Panel);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FormerSeatType>>>>("formerSeats")
            .Description("Evaluators who left the panel before reviewing: recused or overdue (admins and the panel; a former evaluator sees their own seat).")
            .Resolve(ctx => (ctx.Source.FormerSeats ?? []).Where(f => ctx.Caller().IsAdmin || OnPanel(ctx.Caller(), ctx.Source) || ctx.Caller().IsEvaluator(f.EvaluatorId)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews").Resolve(ctx =>
        {
            var caller = ctx.Caller();
            var decided = ctx.Source.Status != AttemptStatus.UnderReview;
            return ctx.Source.Reviews.Where(r => caller.IsAdmin || (decided && caller.IsLearner(ctx.Source.LearnerId)) || caller.IsEvaluator(r.EvaluatorId));
        });
        Field<VerdictType>("verdict").Resolve(ctx => ctx.Source.Verdict);
        Field<IdGraphType>("leadEvaluatorId").Description("The evaluator who leads the consensus discussion, once one opened (it passes on while the discussion is open).")
            .ResolveAsync(async ctx => ctx.Source.Status == AttemptStatus.UnderReview && ctx.Source.LeadEvaluatorId is not null
                ? (await ctx.Grains().GetGrain<IConsensusDiscussionGrain>(new ScopedKey(ctx.Caller().Community!, ctx.Source.Id).ToString()).FindAsync())?.LeadEvaluatorId ?? ctx.Source.LeadEvaluatorId
                : ctx.Source.LeadEvaluatorId);
        Field<ConsensusDiscussionType>("discussion")
            .Description("The panel's consensus discussion, if one opened (admins and the panel).")
            .ResolveAsync(async ctx => ctx.Caller().IsAdmin || OnPanel(ctx.Caller(), ctx.Source)
                ? await ctx.Grains().GetGrain<IConsensusDiscussionGrain>(new ScopedKey(ctx.Caller().Community!, ctx.Source.Id).ToString()).FindAsync()
                : null);
        Field<AttemptFeedbackType>("feedback")
            .Description("Per-criterion levels and the panel's notes, once decided (the learner and admins).")
            .Resolve(ctx => ctx.Caller().IsAdmin || ctx.Caller().IsLearner(ctx.Source.LearnerId) ? ctx.Source.Feedback : null);
        Field(x => x.CredentialId, type: typeof(IdGraphType)).Description("The credential issued on a pass.");
        Field(x => x.AppealId, type: typeof(IdGraphType));
        Field(x => x.AppealOutcome, type: typeof(AppealOutcomeType));
        Field(x => x.SubmittedAt, nullable: false);
        Field(x => x.DecidedAt, nullable: true);
    }

    public static bool SeesLearner(Caller caller, AttemptView attempt) => !attempt.BlindReview || caller.IsAdmin || caller.IsLearner(attempt.LearnerId);

    private static bool OnPanel(Caller caller, AttemptView attempt) => attempt.Panel.Any(s => caller.IsEvaluator(s.EvaluatorId));
}
