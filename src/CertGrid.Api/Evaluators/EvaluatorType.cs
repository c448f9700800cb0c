using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Integrity;
using CertGrid.Abstractions.Practice;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Practice;
using GraphQL.Types;

namespace CertGrid.Api.Evaluators;

public sealed class EvaluatorType : ObjectGraphType<EvaluatorProfile>
{
    public EvaluatorType()
    {
        Name = "Evaluator";
        Description = "An evaluator in the community's pool.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The evaluator's id (evl_…).");
        Field(x => x.Name, nullable: false).Description("The evaluator's full name.");
        Field(x => x.Email, nullable: false).Description("The evaluator's email address; never shown to learners.");
        Field(x => x.Organisation, nullable: true).Description("The organisation the evaluator belongs to; null when none was given.");
        Field(x => x.Expertise, nullable: false).Description("Competency codes the evaluator may assess.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Description("Language tags they review in.").Resolve(ctx => ctx.Source.Languages ?? []);
        Field(x => x.LinkedLearnerId, type: typeof(IdGraphType)).Description("Set when the evaluator is also a learner here.");
        Field(x => x.MaxActiveAssignments, nullable: false).Description("How many undecided attempts and appeals they may hold at once (1-500).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("activeAttemptIds")
            .Description("Attempts awaiting a decision with this evaluator on the panel.")
            .Resolve(ctx => ctx.Source.ActiveAttemptIds.Where(id => id.StartsWith(IdPrefixes.Attempt + "_", StringComparison.Ordinal)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("activeAppealIds")
            .Description("Appeals awaiting a decision with this evaluator on the appeal panel.")
            .Resolve(ctx => ctx.Source.ActiveAttemptIds.Where(id => id.StartsWith(IdPrefixes.Appeal + "_", StringComparison.Ordinal)));
        Field(x => x.Active, nullable: false).Description("False when an admin deactivated them: they are then assigned nothing new.");
        Field(x => x.InactiveReason, nullable: true).Description("Why an admin deactivated them; null while active.");
        Field(x => x.UnavailableUntil, nullable: true).Description("Not assigned before this time.");
        Field(x => x.OverdueReviews, nullable: false).Description("Reviews they let pass the deadline (each was reassigned).");
        Field(x => x.Recusals, nullable: false).Description("How many panels they withdrew from.");
        Field(x => x.RegisteredAt, nullable: false).Description("When the admin registered them (UTC instant).");
        Field<NonNullGraphType<PageGraphType<PracticeRequestType, PracticeRequest>>>("practiceRequests")
            .Description("Practice reviews learners asked this evaluator for as their mentor (the evaluator and admins).")
            .Authorize(AccessRules.Admins | new SourceRule<EvaluatorProfile>("the evaluator's own key", (c, e) => c.IsEvaluator(e.Id)))
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IAssessmentIndexGrain>(ctx.Community()).ListPracticeRequestsAsync(ctx.Source.Id, ctx.Page()));
        this.AuthorizeOtherFieldsAsParent();
    }
}
