using CertGrid.Abstractions.Assessments;
using CertGrid.Api.GraphQl;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

/// <summary>
/// An attempt. Reviews are shown to admins; to the learner once the attempt is decided; and to an evaluator
/// only their own, so panel members judge independently.
/// </summary>
public sealed class AttemptType : ObjectGraphType<AttemptView>
{
    public AttemptType()
    {
        Name = "Attempt";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Status, type: typeof(NonNullGraphType<AttemptStatusType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("evidence").Resolve(ctx => ctx.Source.Evidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PanelSeatType>>>>("panel").Resolve(ctx => ctx.Source.Panel);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews").Resolve(ctx =>
        {
            var caller = ctx.Caller();
            var decided = ctx.Source.Status != AttemptStatus.UnderReview;
            return ctx.Source.Reviews.Where(r => caller.IsAdmin || (decided && caller.IsLearner(ctx.Source.LearnerId)) || caller.IsEvaluator(r.EvaluatorId));
        });
        Field<VerdictType>("verdict").Resolve(ctx => ctx.Source.Verdict);
        Field(x => x.CredentialId, type: typeof(IdGraphType)).Description("The credential issued on a pass.");
        Field(x => x.SubmittedAt, nullable: false);
        Field(x => x.DecidedAt, nullable: true);
    }
}
