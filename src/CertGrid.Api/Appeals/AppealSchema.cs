using CertGrid.Abstractions.Appeals;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Integrity;
using CertGrid.Api.Assessments;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Appeals;

public sealed class FileAppealInput
{
    public string AttemptId { get; set; } = string.Empty;
    public string Justification { get; set; } = string.Empty;
    public List<string> ArtifactIds { get; set; } = [];
}

public sealed class FileAppealInputType : InputObjectGraphType<FileAppealInput>
{
    public FileAppealInputType()
    {
        Name = "FileAppealInput";
        Field(x => x.AttemptId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Justification, nullable: false).Description("Why the decision is wrong (at least 50 characters).");
        Field(x => x.ArtifactIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("Committed portfolio artifacts supporting the appeal (1-20).");
    }
}

public sealed class AppealType : ObjectGraphType<AppealView>
{
    public AppealType()
    {
        Name = "Appeal";
        Description = "An appeal of a failed decision, reviewed by a new panel without the original evaluators.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.AttemptId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<IdGraphType>("learnerId").Description("Null for evaluators under blind review.")
            .Resolve(ctx => !ctx.Source.BlindReview || ctx.Caller().IsAdmin || ctx.Caller().IsLearner(ctx.Source.LearnerId) ? ctx.Source.LearnerId : null);
        Field(x => x.LearnerPseudonym, nullable: false);
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Justification, nullable: false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("evidence").Description("Evidence filed with the appeal.").Resolve(ctx => ctx.Source.Evidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("originalEvidence").Resolve(ctx => ctx.Source.OriginalEvidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PanelSeatType>>>>("panel").Resolve(ctx => ctx.Source.Panel);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FormerSeatType>>>>("formerSeats")
            .Description("Evaluators who left the appeal panel before reviewing: recused or overdue (admins and the panel; a former evaluator sees their own seat).")
            .Resolve(ctx => (ctx.Source.FormerSeats ?? []).Where(f => ctx.Caller().IsAdmin || ctx.Source.Panel.Any(s => ctx.Caller().IsEvaluator(s.EvaluatorId)) || ctx.Caller().IsEvaluator(f.EvaluatorId)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews").Resolve(ctx =>
        {
            var caller = ctx.Caller();
            var decided = ctx.Source.Outcome != Domain.Appeals.AppealOutcome.Pending;
            return ctx.Source.Reviews.Where(r => caller.IsAdmin || (decided && caller.IsLearner(ctx.Source.LearnerId)) || caller.IsEvaluator(r.EvaluatorId));
        });
        Field(x => x.Outcome, type: typeof(NonNullGraphType<AppealOutcomeType>));
        Field(x => x.Reason, nullable: true);
        Field(x => x.FiledAt, nullable: false);
        Field(x => x.DecidedAt, nullable: true);
        Field(x => x.CredentialId, type: typeof(IdGraphType)).Description("The credential issued when the appeal overturned the decision.");
    }
}

/// <summary>Appeals: learners file them; the independent appeal panel reviews; admins list them.</summary>
public sealed class AppealSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<AppealType>>("appeal")
            .Description("An appeal: for admins, the learner, and the evaluators on its panel.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var appeal = await ctx.Grains().GetGrain<IAppealGrain>(ctx.Scoped(caller.RequireMember(), ctx.GetArgument<string>("id"), IdPrefixes.Appeal, "id")).GetAsync();
                return caller.IsAdmin || caller.IsLearner(appeal.LearnerId) || appeal.Panel.Any(s => caller.IsEvaluator(s.EvaluatorId))
                    ? appeal
                    : throw CertGridException.Forbidden("Only admins, the learner and the appeal panel can read an appeal.");
            });

        query.Field<NonNullGraphType<PageGraphType<AppealType, AppealView>>>("appeals")
            .Description("Your community's appeals, with their outcome (admin).")
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IAssessmentIndexGrain>(ctx.Caller().RequireAdmin()).ListAppealsAsync(ctx.Page()));
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<AppealType>>("fileAppeal")
            .Description("Appeals a failed decision within the credential's window, with a justification and evidence; a new independent panel is assigned (learner).")
            .Argument<NonNullGraphType<FileAppealInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = caller.RequireLearner();
                var input = ctx.GetArgument<FileAppealInput>("input");
                var key = new ScopedKey(caller.Community!, EntityId.New(IdPrefixes.Appeal)).ToString();
                return await ctx.Grains().GetGrain<IAppealGrain>(key).FileAsync(new FileAppeal(learnerId, input.AttemptId, input.Justification, input.ArtifactIds));
            });

        mutation.Field<NonNullGraphType<AppealType>>("submitAppealReview")
            .Description("Scores an appeal you are on the panel of; the last review decides it (evaluator).")
            .Argument<NonNullGraphType<IdGraphType>>("appealId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreInputType>>>>("scores")
            .Argument<StringGraphType>("overallNote")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var evaluatorId = caller.RequireEvaluator();
                var key = ctx.Scoped(caller.Community!, ctx.GetArgument<string>("appealId"), IdPrefixes.Appeal, "appealId");
                return await ctx.Grains().GetGrain<IAppealGrain>(key).SubmitReviewAsync(new SubmitReview(evaluatorId,
                    ctx.GetArgument<List<CriterionScoreInput>>("scores").Select(s => s.ToScore()).ToList(), ctx.GetArgument<string?>("overallNote")));
            });

        mutation.Field<NonNullGraphType<AppealType>>("recuseFromAppeal")
            .Description("Steps down from an appeal you have not reviewed, with a reason (audited); the seat is reassigned to another independent evaluator (evaluator).")
            .Argument<NonNullGraphType<IdGraphType>>("appealId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var evaluatorId = caller.RequireEvaluator();
                var key = ctx.Scoped(caller.Community!, ctx.GetArgument<string>("appealId"), IdPrefixes.Appeal, "appealId");
                return await ctx.Grains().GetGrain<IAppealGrain>(key).RecuseAsync(evaluatorId, ctx.GetArgument<string>("reason"));
            });
    }
}
