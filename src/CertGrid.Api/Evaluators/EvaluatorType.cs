using CertGrid.Abstractions.Evaluators;
using GraphQL.Types;

namespace CertGrid.Api.Evaluators;

public sealed class EvaluatorType : ObjectGraphType<EvaluatorProfile>
{
    public EvaluatorType()
    {
        Name = "Evaluator";
        Description = "An evaluator in the community's pool.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name, nullable: false);
        Field(x => x.Email, nullable: false);
        Field(x => x.Organisation, nullable: true);
        Field(x => x.Expertise, nullable: false).Description("Competency codes the evaluator may assess.");
        Field(x => x.LinkedLearnerId, type: typeof(IdGraphType)).Description("Set when the evaluator is also a learner here.");
        Field(x => x.MaxActiveAssignments, nullable: false);
        Field(x => x.ActiveAttemptIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>))
            .Description("Attempts awaiting a decision with this evaluator on the panel.");
        Field(x => x.Active, nullable: false);
        Field(x => x.RegisteredAt, nullable: false);
    }
}
