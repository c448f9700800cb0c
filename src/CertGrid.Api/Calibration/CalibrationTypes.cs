using CertGrid.Abstractions.Calibration;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Credentials;
using CertGrid.Api.Programs;
using CertGrid.Domain.Quality;
using GraphQL.Types;

namespace CertGrid.Api.Calibration;

public sealed class CalibrationStatusType : EnumerationGraphType<CalibrationStatus>;

public sealed class CalibrationPolicyType : ObjectGraphType<CalibrationPolicy>
{
    public CalibrationPolicyType()
    {
        Name = "CalibrationPolicy";
        Description = "The community's calibration rule for evaluators.";
        Field(x => x.Required, nullable: false).Description("Evaluators sit on panels only while calibrated; others are passed over with the reason.");
        Field(x => x.PassingExact, nullable: false).Description("Share of levels equal to the reference needed to pass an exercise (0-1).");
        Field(x => x.PassingAdjacent, nullable: false).Description("Share of levels within one of the reference needed to pass (0-1).");
        Field(x => x.DriftThreshold, nullable: false).Description("Drifted when fewer than this share of recent levels equal the panels' decisions (0-1).");
        Field(x => x.DriftWindow, nullable: false).Description("How many recent criterion levels the drift check looks at.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CalibrationExemplarType : ObjectGraphType<CalibrationExemplar>
{
    public CalibrationExemplarType()
    {
        Name = "CalibrationExemplar";
        Description = "An exemplar submission to score.";
        Field(x => x.Title, nullable: false).Description("A short title.");
        Field(x => x.Content, nullable: false).Description("The exemplar's text (Markdown).");
        Field<ListGraphType<NonNullGraphType<CriterionResultType>>>("referenceLevels").Description("The agreed levels; admins only (evaluators score blind and read null).")
            .AuthorizeOrHide(AccessRules.Admins).Resolve(ctx => ctx.Source.ReferenceLevels);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CalibrationExerciseType : ObjectGraphType<CalibrationExercise>
{
    public CalibrationExerciseType()
    {
        Name = "CalibrationExercise";
        Description = "Exemplars with agreed reference levels on a credential's rubric, which evaluators score blind.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The exercise id (cex_…).");
        Field(x => x.Title, nullable: false).Description("What the exercise is called.");
        Field(x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition whose rubric is used.");
        Field<NonNullGraphType<RubricType>>("rubric").Description("The rubric as it was when the exercise was published.").Resolve(ctx => ctx.Source.Rubric);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CalibrationExemplarType>>>>("exemplars").Description("The exemplars, numbered from 0 in this order.").Resolve(ctx => ctx.Source.Exemplars);
        Field(x => x.PublishedAt, nullable: false).Description("When it was published (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CalibrationResultType : ObjectGraphType<CalibrationResult>
{
    public CalibrationResultType()
    {
        Name = "CalibrationResult";
        Description = "How an evaluator's blind levels compared with an exercise's reference levels.";
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The evaluator.");
        Field(x => x.ExerciseId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The exercise.");
        Field(x => x.At, nullable: false).Description("When they submitted (UTC instant).");
        Field(x => x.Ratings, nullable: false).Description("How many criterion levels were compared.");
        Field(x => x.Exact, nullable: false).Description("Share equal to the reference (0-1).");
        Field(x => x.Adjacent, nullable: false).Description("Share within one level of the reference, exact included (0-1).");
        Field(x => x.QuadraticKappa, nullable: true).Description("Quadratic weighted kappa against the reference; null when the reference uses a single level.");
        Field(x => x.MeanGap, nullable: false).Description("Mean of (their level − reference) in levels: negative is harsher than the reference.");
        Field(x => x.Passed, nullable: false).Description("Whether it met the community's bars.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CalibrationStandingType : ObjectGraphType<CalibrationStanding>
{
    public CalibrationStandingType()
    {
        Name = "CalibrationStanding";
        Description = "Where an evaluator stands with calibration, as panel selection sees it.";
        Field<NonNullGraphType<CalibrationStatusType>>("status").Description("Not calibrated, calibrated, failed or drifted.").Resolve(ctx => ctx.Source.Status);
        Field(x => x.Since, nullable: true).Description("Since when (UTC instant); null when never calibrated.");
        Field(x => x.Reason, nullable: false).Description("The standing in words, as selection reasons quote it.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class EvaluatorCalibrationType : ObjectGraphType<EvaluatorCalibration>
{
    public EvaluatorCalibrationType()
    {
        Name = "EvaluatorCalibration";
        Description = "One evaluator's calibration: standing, exercise results over time, drift since calibrating, discussions and disagreements.";
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The evaluator.");
        Field<NonNullGraphType<CalibrationStandingType>>("standing").Description("What panel selection sees.").Resolve(ctx => ctx.Source.Standing);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CalibrationResultType>>>>("results").Description("Exercise results, oldest first (the last 20).").Resolve(ctx => ctx.Source.Results);
        Field(x => x.RecentLevels, nullable: false).Description("Criterion levels given on decided attempts since the latest exercise (up to the drift window).");
        Field(x => x.RecentAgreement, nullable: true).Description("Share of those equal to the decided level (0-1); null when there are none.");
        Field(x => x.Discussions, nullable: false).Description("Decided attempts they reviewed that needed a consensus discussion.");
        Field(x => x.DisagreedWithDecision, nullable: false).Description("Reviews whose pass/fail differed from the decision (the divergence signal).");
        this.AuthorizeOtherFieldsAsParent();
    }
}
