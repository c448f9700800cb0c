using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Credentials;
using CertGrid.Domain.Credentials;
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
        Description = "An attempt at a credential: the evidence a learner submitted, its panel, their reviews and the decision.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The attempt's id (att_…).");
        Field<IdGraphType>("learnerId").Description("The learner; null for evaluators when the credential uses blind review.")
            .AuthorizeOrHide(AssessmentAccess.LearnerIdentity<AttemptView>(a => a.LearnerId, a => a.BlindReview))
            .Resolve(ctx => ctx.Source.LearnerId);
        Field(x => x.LearnerPseudonym, nullable: false).Description("A name for the learner that is stable for this attempt and says nothing about them.");
        Field(x => x.BlindReview, nullable: false).Description("True when the credential uses blind review: the panel sees only the pseudonym.");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential attempted (def_…).");
        Field("credentialName", x => x.DefinitionName, nullable: false).Description("The credential's name when the attempt was submitted.");
        Field(x => x.Status, type: typeof(NonNullGraphType<AttemptStatusType>)).Description("Where the attempt is: under review, passed or failed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("evidence").Description("The portfolio artifacts submitted as evidence.").Resolve(ctx => ctx.Source.Evidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReflectionType>>>>("reflections")
            .Description("The learner's written reflections, each scored under its rubric criterion.")
            .Resolve(ctx => (ctx.Source.Reflections ?? []).Select(r => new ReflectionView(r, ctx.Source.ReflectivePrompts?.FirstOrDefault(p => p.Code == r.PromptCode))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PanelSeatType>>>>("panel").Description("The evaluators assigned to review the attempt, and when each review is due.").Resolve(ctx => ctx.Source.Panel);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FormerSeatType>>>>("formerSeats")
            .Description("Evaluators who left the panel before reviewing: recused or overdue (admins and the panel; a former evaluator sees their own seat).")
            .AuthorizeItems<AttemptView, object, FormerSeat>((caller, attempt, seat) => AssessmentAccess.SeesFormerSeat(caller, attempt.Panel, seat))
            .Resolve(ctx => ctx.Source.FormerSeats ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews")
            .Description("The panel's reviews: admins see all; an evaluator only their own, so panel members judge independently; the learner all once decided.")
            .AuthorizeItems<AttemptView, object, Review>((caller, attempt, review) =>
                AssessmentAccess.SeesReview(caller, attempt.LearnerId, attempt.Status != AttemptStatus.UnderReview, review))
            .Resolve(ctx => ctx.Source.Reviews);
        Field<VerdictType>("verdict").Description("The panel's combined decision, once the attempt is decided.").Resolve(ctx => ctx.Source.Verdict);
        Field<IdGraphType>("leadEvaluatorId").Description("The evaluator who leads the consensus discussion, once one opened (it passes on while the discussion is open).")
            .ResolveAsync(async ctx => ctx.Source.Status == AttemptStatus.UnderReview && ctx.Source.LeadEvaluatorId is not null
                ? (await ctx.Grains().ConsensusDiscussion(ctx.Community(), ctx.Source.Id).FindAsync())?.LeadEvaluatorId ?? ctx.Source.LeadEvaluatorId
                : ctx.Source.LeadEvaluatorId);
        Field<ConsensusDiscussionType>("discussion")
            .Description("The panel's consensus discussion, if one opened (admins and the panel; null for others).")
            .AuthorizeOrHide(AccessRules.Admins | AssessmentAccess.PanelOfParent<AttemptView>(a => a.Panel))
            .ResolveAsync(async ctx => await ctx.Grains().ConsensusDiscussion(ctx.Community(), ctx.Source.Id).FindAsync());
        Field<AttemptFeedbackType>("feedback")
            .Description("Per-criterion levels and the panel's notes, once decided (the learner and admins; null for others).")
            .AuthorizeOrHide(AccessRules.Admins | AccessRules.LearnerOfParent<AttemptView>(a => a.LearnerId))
            .Resolve(ctx => ctx.Source.Feedback);
        Field(x => x.CredentialId, type: typeof(IdGraphType)).Description("The credential issued on a pass, known from the decision on (its status says when it is stored).");
        Field<CredentialStatusType>("credentialStatus")
            .Description("The status of the credential issued on a pass: ISSUING while its issuance is applied or retried after the decision (credential(id) finds it once stored), then ACTIVE, SUSPENDED or REVOKED; null without a credential.")
            .ResolveAsync(async ctx => ctx.Source.CredentialId is { } id
                ? (await ctx.Grains().Credential(ctx.Community(), id).FindAsync())?.Status ?? CredentialStatus.Issuing
                : null);
        Field(x => x.AppealId, type: typeof(IdGraphType)).Description("The learner's appeal of a failed decision, if they filed one.");
        Field(x => x.AppealOutcome, type: typeof(AppealOutcomeType)).Description("How the appeal ended, if there was one.");
        Field(x => x.SubmittedAt, nullable: false).Description("When the learner submitted the attempt (UTC).");
        Field(x => x.DecidedAt, nullable: true).Description("When the attempt was decided (UTC); null while under review.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
