using CertGrid.Domain.Assessments;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

public sealed class SubmitAttemptInput
{
    public string CredentialDefinitionId { get; set; } = string.Empty;
    public List<string> ArtifactIds { get; set; } = [];
    public List<ReflectionInput>? Reflections { get; set; }
}

public sealed class ReflectionInput
{
    public string PromptCode { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
}

public sealed class ReflectionInputType : InputObjectGraphType<ReflectionInput>
{
    public ReflectionInputType()
    {
        Name = "ReflectionInput";
        Description = "The answer to one of the credential's reflective prompts.";
        Field(x => x.PromptCode, nullable: false).Description("The code of the credential's reflective prompt this answers.");
        Field(x => x.Text, nullable: false).Description("The learner's answer: at least the prompt's minimum word count, at most 8,000 characters.");
    }
}

public sealed class SubmitAttemptInputType : InputObjectGraphType<SubmitAttemptInput>
{
    public SubmitAttemptInputType()
    {
        Name = "SubmitAttemptInput";
        Description = "An attempt: the credential, the committed portfolio artifacts submitted as evidence and the reflections.";
        Field(x => x.CredentialDefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The published credential definition (def_…) the learner is attempting.");
        Field(x => x.ArtifactIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>))
            .Description("Committed artifacts of your portfolio; their latest versions are cited.");
        Field(x => x.Reflections, type: typeof(ListGraphType<NonNullGraphType<ReflectionInputType>>))
            .Description("An answer to each of the credential's reflective prompts (see credentialDefinition.assessmentPolicy.reflectivePrompts).");
    }
}

public sealed class CriterionScoreInput
{
    public string CriterionCode { get; set; } = string.Empty;
    public string Level { get; set; } = string.Empty;
    public string? Note { get; set; }

    public CriterionScore ToScore() => new(CriterionCode, Level, Note);
}

public sealed class CriterionScoreInputType : InputObjectGraphType<CriterionScoreInput>
{
    public CriterionScoreInputType()
    {
        Name = "CriterionScoreInput";
        Description = "A level for one rubric criterion (its code and the level's name), with an optional note.";
        Field(x => x.CriterionCode, nullable: false).Description("The code of a criterion of the attempt's rubric; every criterion needs exactly one score.");
        Field(x => x.Level, nullable: false).Description("The name of one of the criterion's levels.");
        Field(x => x.Note, nullable: true).Description("Why this level, for the learner and the rest of the panel: at most 8,000 characters.");
    }
}

public sealed class SubmitReviewInput
{
    public string AttemptId { get; set; } = string.Empty;
    public List<CriterionScoreInput> Scores { get; set; } = [];
    public string? OverallNote { get; set; }
}

public sealed class SubmitReviewInputType : InputObjectGraphType<SubmitReviewInput>
{
    public SubmitReviewInputType()
    {
        Name = "SubmitReviewInput";
        Description = "A review: the attempt, a level for every rubric criterion and an overall note.";
        Field(x => x.AttemptId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The attempt (att_…) or appeal the evaluator was assigned to review.");
        Field(x => x.Scores, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreInputType>>>)).Description("A level for every criterion of the rubric, each criterion once.");
        Field(x => x.OverallNote, nullable: true).Description("An overall note for the learner: at most 8,000 characters.");
    }
}

public sealed class CriterionLevelInput
{
    public string CriterionCode { get; set; } = string.Empty;
    public string Level { get; set; } = string.Empty;
}

public sealed class CriterionLevelInputType : InputObjectGraphType<CriterionLevelInput>
{
    public CriterionLevelInputType()
    {
        Name = "CriterionLevelInput";
        Description = "The level agreed for one rubric criterion.";
        Field(x => x.CriterionCode, nullable: false).Description("The code of a criterion of the attempt's rubric.");
        Field(x => x.Level, nullable: false).Description("The name of one of the criterion's levels.");
    }
}

public sealed class CloseDiscussionInput
{
    public string AttemptId { get; set; } = string.Empty;
    public bool Passed { get; set; }
    public string Rationale { get; set; } = string.Empty;
    public List<CriterionLevelInput>? Levels { get; set; }
}

public sealed class CloseDiscussionInputType : InputObjectGraphType<CloseDiscussionInput>
{
    public CloseDiscussionInputType()
    {
        Name = "CloseDiscussionInput";
        Description = "The decision closing a consensus discussion: the attempt, pass or fail, the rationale and the agreed level per criterion.";
        Field(x => x.AttemptId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The attempt (att_…) whose consensus discussion is closed.");
        Field(x => x.Passed, nullable: false).Description("True to pass the attempt (the credential is issued), false to fail it.");
        Field(x => x.Rationale, nullable: false).Description("Why the panel decided so (at least 20 characters); recorded in the audit log and shown to the learner.");
        Field(x => x.Levels, type: typeof(ListGraphType<NonNullGraphType<CriterionLevelInputType>>))
            .Description("The level on every criterion; they must score on the decision's side of the threshold. Omit to keep the panel's lower median.");
    }
}
