using CertGrid.Domain.Assessments;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

public sealed class SubmitAttemptInput
{
    public string CredentialDefinitionId { get; set; } = string.Empty;
    public List<string> ArtifactIds { get; set; } = [];
}

public sealed class SubmitAttemptInputType : InputObjectGraphType<SubmitAttemptInput>
{
    public SubmitAttemptInputType()
    {
        Name = "SubmitAttemptInput";
        Field(x => x.CredentialDefinitionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ArtifactIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>))
            .Description("Committed artifacts of your portfolio; their latest versions are cited.");
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
        Field(x => x.CriterionCode, nullable: false);
        Field(x => x.Level, nullable: false).Description("The name of one of the criterion's levels.");
        Field(x => x.Note, nullable: true);
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
        Field(x => x.AttemptId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Scores, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreInputType>>>));
        Field(x => x.OverallNote, nullable: true);
    }
}
