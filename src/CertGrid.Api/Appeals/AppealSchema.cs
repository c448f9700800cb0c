using CertGrid.Abstractions.Appeals;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Integrity;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Assessments;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
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
        Description = "An appeal of a failed attempt: the attempt, why its decision is wrong, and supporting evidence.";
        Field(x => x.AttemptId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Your failed attempt (att_…), within the credential's appeal window.");
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
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The appeal's id (apl_…).");
        Field(x => x.AttemptId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The attempt whose failed decision is appealed.");
        Field<IdGraphType>("learnerId").Description("The appealing learner; null for the panel when the credential uses blind review.")
            .AuthorizeOrHide(AssessmentAccess.LearnerIdentity<AppealView>(a => a.LearnerId, a => a.BlindReview))
            .Resolve(ctx => ctx.Source.LearnerId);
        Field(x => x.LearnerPseudonym, nullable: false).Description("A name for the learner that is stable for this appeal and says nothing about them.");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential the attempt was for.");
        Field(x => x.Justification, nullable: false).Description("Why the learner says the decision is wrong.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("evidence").Description("Evidence filed with the appeal.").Resolve(ctx => ctx.Source.Evidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("originalEvidence").Description("The evidence the original attempt was decided on.").Resolve(ctx => ctx.Source.OriginalEvidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PanelSeatType>>>>("panel").Description("The independent evaluators reviewing the appeal.").Resolve(ctx => ctx.Source.Panel);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FormerSeatType>>>>("formerSeats")
            .Description("Evaluators who left the appeal panel before reviewing: recused or overdue (admins and the panel; a former evaluator sees their own seat).")
            .AuthorizeItems<AppealView, object, FormerSeat>((caller, appeal, seat) => AssessmentAccess.SeesFormerSeat(caller, appeal.Panel, seat))
            .Resolve(ctx => ctx.Source.FormerSeats ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews")
            .Description("The appeal panel's reviews: admins see all; an evaluator their own; the learner all once the appeal is decided.")
            .AuthorizeItems<AppealView, object, Review>((caller, appeal, review) =>
                AssessmentAccess.SeesReview(caller, appeal.LearnerId, appeal.Outcome != Domain.Appeals.AppealOutcome.Pending, review))
            .Resolve(ctx => ctx.Source.Reviews);
        Field(x => x.Outcome, type: typeof(NonNullGraphType<AppealOutcomeType>)).Description("PENDING until the panel decides, then whether the decision was upheld or overturned.");
        Field(x => x.Reason, nullable: true).Description("Why the appeal was decided as it was, once decided.");
        Field(x => x.FiledAt, nullable: false).Description("When the learner filed the appeal (UTC).");
        Field(x => x.DecidedAt, nullable: true).Description("When the appeal panel decided (UTC).");
        Field(x => x.CredentialId, type: typeof(IdGraphType)).Description("The credential issued when the appeal overturned the decision.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

/// <summary>Appeals: learners file them; the independent appeal panel reviews; admins list them.</summary>
public sealed class AppealSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<AppealType>>("appeal")
            .Description("An appeal, with its panel, reviews and outcome.")
            .Authorize(AccessRules.Admins | AccessRules.LearnerOf<AppealView>(a => a.LearnerId) | AssessmentAccess.PanelOf<AppealView>(a => a.Panel))
            .Argument<NonNullGraphType<IdGraphType>>("id", "The appeal's id (apl_…).")
            .ResolveAsync(async ctx => await ctx.Grains().Appeal(ctx.Community(), ctx.Id("id", IdPrefixes.Appeal)).GetAsync());

        query.Field<NonNullGraphType<PageGraphType<AppealType, AppealView>>>("appeals")
            .Description("Your community's appeals, with their outcome.")
            .Authorize(AccessRules.Admins)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IAssessmentIndexGrain>(ctx.Community()).ListAppealsAsync(ctx.Page()));
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<AppealType>>("fileAppeal")
            .Description("Appeals a failed decision within the credential's window, with a justification and evidence; a new independent panel is assigned.")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<FileAppealInputType>>("input", "The attempt, the justification and the evidence.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<FileAppealInput>("input");
                return await ctx.CreateOnceAsync(IdPrefixes.Appeal,
                    id => ctx.Grains().Appeal(ctx.Community(), id).FileAsync(new FileAppeal(ctx.OwnLearnerId(), input.AttemptId, input.Justification, input.ArtifactIds)),
                    id => ctx.Grains().Appeal(ctx.Community(), id).GetAsync());
            });

        mutation.Field<NonNullGraphType<AppealType>>("submitAppealReview")
            .Description("Scores an appeal you are on the panel of; the last review decides it.")
            .Authorize(AccessRules.Evaluators)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("appealId", "The appeal (apl_…).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreInputType>>>>("scores", "A level for every rubric criterion.")
            .Argument<StringGraphType>("overallNote", "A note for the learner on the whole appeal.")
            .ResolveAsync(async ctx => await ctx.Grains().Appeal(ctx.Community(), ctx.Id("appealId", IdPrefixes.Appeal)).SubmitReviewAsync(new SubmitReview(ctx.OwnEvaluatorId(),
                ctx.GetArgument<List<CriterionScoreInput>>("scores").Select(s => s.ToScore()).ToList(), ctx.GetArgument<string?>("overallNote"))));

        mutation.Field<NonNullGraphType<AppealType>>("recuseFromAppeal")
            .Description("Steps down from an appeal you have not reviewed, with a reason (audited); the seat is reassigned to another independent evaluator.")
            .Authorize(AccessRules.Evaluators)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("appealId", "The appeal (apl_…).")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why you step down; kept in the audit log.")
            .ResolveAsync(async ctx => await ctx.Grains().Appeal(ctx.Community(), ctx.Id("appealId", IdPrefixes.Appeal)).RecuseAsync(ctx.OwnEvaluatorId(), ctx.GetArgument<string>("reason")));
    }
}
