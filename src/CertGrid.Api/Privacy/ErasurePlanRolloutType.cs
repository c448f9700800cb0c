using CertGrid.Abstractions.Privacy;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Privacy;

public sealed class ErasurePlanRolloutType : ObjectGraphType<ErasurePlanRollout>
{
    public ErasurePlanRolloutType()
    {
        Name = "ErasurePlanRollout";
        Description = "How far the current erasure plan has reached the learners erased under an earlier one, across every community (docs/privacy.md, \"Data rights: erasure\").";
        Field(x => x.Plan, nullable: false).Description("The erasure plan being or last rolled out (0 before the first rollout started).");
        Field(x => x.Done, nullable: false).Description("Whether every learner erased under an earlier plan was erased again under this one.");
        Field(x => x.CommunitiesWalked, nullable: false).Description("Communities whose erased learners were all checked so far.");
        Field(x => x.ErasedLearnersChecked, nullable: false).Description("Erased learners asked to complete their erasure so far (most had nothing left to do).");
        Field(x => x.CompletedAt, nullable: true).Description("When the rollout finished (UTC); null while it runs.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
