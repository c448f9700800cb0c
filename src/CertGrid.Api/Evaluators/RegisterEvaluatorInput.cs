using GraphQL.Types;

namespace CertGrid.Api.Evaluators;

public sealed class RegisterEvaluatorInput
{
    public string Name { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string? Organisation { get; set; }
    public List<string>? Expertise { get; set; }
    public string? LinkedLearnerId { get; set; }
    public int? MaxActiveAssignments { get; set; }
    public List<string>? Languages { get; set; }
}

public sealed class UpdateEvaluatorInput
{
    public string? Organisation { get; set; }
    public List<string>? Expertise { get; set; }
    public List<string>? Languages { get; set; }
    public int? MaxActiveAssignments { get; set; }
}

public sealed class UpdateEvaluatorInputType : InputObjectGraphType<UpdateEvaluatorInput>
{
    public UpdateEvaluatorInputType()
    {
        Name = "UpdateEvaluatorInput";
        Description = "What to change; fields left out stay as they are.";
        Field(x => x.Organisation, nullable: true).Description("The organisation the evaluator belongs to: up to 200 characters.");
        Field(x => x.Expertise, nullable: true).Description("Competency codes the evaluator may assess.");
        Field(x => x.Languages, nullable: true).Description("Language tags, e.g. 'en', 'fr'.");
        Field(x => x.MaxActiveAssignments, nullable: true).Description("Undecided attempts and appeals they may hold at once (1-500).");
    }
}

public sealed class RegisterEvaluatorInputType : InputObjectGraphType<RegisterEvaluatorInput>
{
    public RegisterEvaluatorInputType()
    {
        Name = "RegisterEvaluatorInput";
        Description = "An evaluator to register: name, email, organisation and expertise.";
        Field(x => x.Name, nullable: false).Description("The evaluator's full name: 1-200 characters.");
        Field(x => x.Email, nullable: false).Description("The evaluator's email address.");
        Field(x => x.Organisation, nullable: true).Description("The organisation the evaluator belongs to; used to keep them off panels of learners from it.");
        Field(x => x.Expertise, nullable: true).Description("Competency codes the evaluator may assess.");
        Field(x => x.LinkedLearnerId, type: typeof(IdGraphType)).Description("If the evaluator is also enrolled as a learner: they never review themselves.");
        Field(x => x.MaxActiveAssignments, nullable: true).Description("Undecided attempts they can hold at once (default 10).");
        Field(x => x.Languages, nullable: true).Description("Language tags they review in, e.g. 'en', 'fr'.");
    }
}
