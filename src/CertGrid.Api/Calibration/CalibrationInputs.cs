using CertGrid.Abstractions.Calibration;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Quality;
using GraphQL.Types;

namespace CertGrid.Api.Calibration;

public sealed class CalibrationPolicyInput
{
    public bool Required { get; set; }
    public double? PassingExact { get; set; }
    public double? PassingAdjacent { get; set; }
    public double? DriftThreshold { get; set; }
    public int? DriftWindow { get; set; }

    public CalibrationPolicy ToPolicy() => new(Required, PassingExact ?? CalibrationPolicy.Default.PassingExact, PassingAdjacent ?? CalibrationPolicy.Default.PassingAdjacent,
        DriftThreshold ?? CalibrationPolicy.Default.DriftThreshold, DriftWindow ?? CalibrationPolicy.Default.DriftWindow);
}

public sealed class CalibrationPolicyInputType : InputObjectGraphType<CalibrationPolicyInput>
{
    public CalibrationPolicyInputType()
    {
        Name = "CalibrationPolicyInput";
        Description = "The community's calibration rule; omitted numbers take their defaults (60% exact, 90% within one level, drift below 50% over 20 levels).";
        Field(x => x.Required, nullable: false).Description("Evaluators sit on panels only while calibrated (passed an exercise and not drifted since).");
        Field(x => x.PassingExact, nullable: true).Description("The share of levels equal to the reference needed to pass an exercise (0-1).");
        Field(x => x.PassingAdjacent, nullable: true).Description("The share of levels within one of the reference needed to pass (0-1, not below passingExact).");
        Field(x => x.DriftThreshold, nullable: true).Description("Drifted when fewer than this share of the evaluator's recent levels equal their panels' decisions (0-1).");
        Field(x => x.DriftWindow, nullable: true).Description("How many recent criterion levels the drift check looks at (5-200).");
    }
}

public sealed class CalibrationExemplarInput
{
    public string Title { get; set; } = string.Empty;
    public string Content { get; set; } = string.Empty;
    public List<CriterionResult> ReferenceLevels { get; set; } = [];
}

public sealed class CalibrationReferenceInputType : InputObjectGraphType<CriterionResult>
{
    public CalibrationReferenceInputType()
    {
        Name = "CalibrationReferenceInput";
        Description = "The agreed level of one rubric criterion for an exemplar.";
        Field(x => x.CriterionCode, nullable: false).Description("A criterion code of the credential's rubric.");
        Field(x => x.Level, nullable: false).Description("The name of one of the criterion's levels.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new CriterionResult(value["criterionCode"] as string ?? string.Empty, value["level"] as string ?? string.Empty);
}

public sealed class CalibrationExemplarInputType : InputObjectGraphType<CalibrationExemplarInput>
{
    public CalibrationExemplarInputType()
    {
        Name = "CalibrationExemplarInput";
        Description = "An exemplar submission evaluators score blind, with its agreed reference level for every criterion.";
        Field(x => x.Title, nullable: false).Description("A short title.");
        Field(x => x.Content, nullable: false).Description("The exemplar's text (Markdown, at most 20,000 characters).");
        Field(x => x.ReferenceLevels, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CalibrationReferenceInputType>>>))
            .Description("Exactly one level per rubric criterion; evaluators never see these.");
    }
}

public sealed class PublishCalibrationExerciseInput
{
    public string Title { get; set; } = string.Empty;
    public string CredentialId { get; set; } = string.Empty;
    public List<CalibrationExemplarInput> Exemplars { get; set; } = [];

    public PublishCalibrationExercise ToCommand() =>
        new(Title, CredentialId, Exemplars.Select(e => new CalibrationExemplar(e.Title, e.Content, e.ReferenceLevels)).ToList());
}

public sealed class PublishCalibrationExerciseInputType : InputObjectGraphType<PublishCalibrationExerciseInput>
{
    public PublishCalibrationExerciseInputType()
    {
        Name = "PublishCalibrationExerciseInput";
        Description = "A calibration exercise: exemplars scored on a published credential's rubric.";
        Field(x => x.Title, nullable: false).Description("What the exercise is called.");
        Field(x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The published credential definition (def_…) whose rubric is used.");
        Field(x => x.Exemplars, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CalibrationExemplarInputType>>>)).Description("1 to 20 exemplars.");
    }
}

public sealed class CalibrationScoreInputType : InputObjectGraphType<CalibrationScore>
{
    public CalibrationScoreInputType()
    {
        Name = "CalibrationScoreInput";
        Description = "Your level for one criterion of one exemplar.";
        Field(x => x.Exemplar, nullable: false).Description("The exemplar's position in the exercise, from 0.");
        Field(x => x.CriterionCode, nullable: false).Description("A criterion code of the exercise's rubric.");
        Field(x => x.Level, nullable: false).Description("The name of one of the criterion's levels.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new CalibrationScore(
        Convert.ToInt32(value["exemplar"], System.Globalization.CultureInfo.InvariantCulture), value["criterionCode"] as string ?? string.Empty, value["level"] as string ?? string.Empty);
}
