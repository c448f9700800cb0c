using CertGrid.Abstractions.Cohorts;
using GraphQL.Types;

namespace CertGrid.Api.Cohorts;

public sealed class CohortType : ObjectGraphType<CohortInfo>
{
    public CohortType()
    {
        Name = "Cohort";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name, nullable: false);
        Field(x => x.StartsOn, nullable: false);
        Field(x => x.EndsOn, nullable: false);
        Field("credentialDefinitionIds", x => x.DefinitionIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>));
        Field("learnerIds", x => x.MemberIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>));
        Field(x => x.CreatedAt, nullable: false);
    }
}

public sealed class CreateCohortInput
{
    public string Name { get; set; } = string.Empty;
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public List<string>? CredentialDefinitionIds { get; set; }
}

public sealed class CreateCohortInputType : InputObjectGraphType<CreateCohortInput>
{
    public CreateCohortInputType()
    {
        Name = "CreateCohortInput";
        Field(x => x.Name, nullable: false);
        Field(x => x.StartsOn, nullable: false);
        Field(x => x.EndsOn, nullable: false);
        Field(x => x.CredentialDefinitionIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>));
    }
}
