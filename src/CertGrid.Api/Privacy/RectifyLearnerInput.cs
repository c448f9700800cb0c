using GraphQL.Types;

namespace CertGrid.Api.Privacy;

public sealed class RectifyLearnerInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Organisation { get; set; }
}

public sealed class RectifyLearnerInputType : InputObjectGraphType<RectifyLearnerInput>
{
    public RectifyLearnerInputType()
    {
        Name = "RectifyLearnerInput";
        Description = "Corrections to a learner's personal data; a field left out stays as it is.";
        Field(x => x.Name, nullable: true).Description("The corrected full name: 1-200 characters.");
        Field(x => x.Email, nullable: true).Description("The corrected email address.");
        Field(x => x.Organisation, nullable: true).Description("The corrected organisation; an empty string removes it.");
    }
}
