using CertGrid.Api.Access.Rules;
using CertGrid.Domain.Quality;
using GraphQL.Types;

namespace CertGrid.Api.Analytics;

public sealed class FairnessPolicyType : ObjectGraphType<FairnessPolicy>
{
    public FairnessPolicyType()
    {
        Name = "FairnessPolicy";
        Description = "The community's fairness setting, which every breakdown admins read respects.";
        Field(x => x.MinimumGroupSize, nullable: false).Description("Groups with fewer members than this show only their name: no counts, rates, scores or tests (k, 10 by default).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class FairnessPolicyInput
{
    public int MinimumGroupSize { get; set; }
}

public sealed class FairnessPolicyInputType : InputObjectGraphType<FairnessPolicyInput>
{
    public FairnessPolicyInputType()
    {
        Name = "FairnessPolicyInput";
        Description = "The community's fairness setting.";
        Field(x => x.MinimumGroupSize, nullable: false).Description("The minimum group size k, from 5 to 1000.");
    }
}
