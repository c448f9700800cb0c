using CertGrid.Api.Access.Rules;
using CertGrid.Domain.Analytics;
using CertGrid.Domain.Quality;
using GraphQL.Types;

namespace CertGrid.Api.Analytics;

public sealed class OutcomeCountType : ObjectGraphType<GroupOutcome>
{
    public OutcomeCountType()
    {
        Name = "OutcomeCount";
        Field(x => x.Passed, nullable: false).Description("How many passed.");
        Field(x => x.Total, nullable: false).Description("How many were decided.");
        Field(x => x.PassRate, nullable: false).Description("passed over total, as a fraction from 0 to 1; 0 when nothing was decided.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class NamedFigureType : ObjectGraphType<NamedFigure>
{
    public NamedFigureType()
    {
        Name = "NamedFigure";
        Field(x => x.Name, nullable: false).Description("What is counted: a renewal milestone (e.g. RenewalOpened) or a continuing-education category.");
        Field(x => x.Value, nullable: false).Description("The count or credit total over the window.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class EvaluatorLoadType : ObjectGraphType<EvaluatorLoad>
{
    public EvaluatorLoadType()
    {
        Name = "EvaluatorLoad";
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The evaluator (evl_…).");
        Field(x => x.Reviews, nullable: false).Description("Reviews they submitted in the window.");
        Field(x => x.Overdue, nullable: false).Description("Reviews they let pass the deadline in the window.");
        Field<NonNullGraphType<SeverityEstimateType>>("severity").Description("How their scores compare with the rest of their panels.").Resolve(ctx => ctx.Source.Severity);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CriterionReliabilityType : ObjectGraphType<CriterionReliability>
{
    public CriterionReliabilityType()
    {
        Name = "CriterionReliability";
        Field(x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…).");
        Field(x => x.CriterionId, nullable: false).Description("The rubric criterion's code.");
        Field<NonNullGraphType<ReliabilityMeasureType>>("measure").Description("How consistently the panels rated the criterion.").Resolve(ctx => ctx.Source.Measure);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class EvaluatorPairAgreementType : ObjectGraphType<CriterionPairAgreement>
{
    public EvaluatorPairAgreementType()
    {
        Name = "EvaluatorPairAgreement";
        Description = "How two evaluators agreed on one criterion over the attempts they both reviewed in the window.";
        Field(x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…).");
        Field(x => x.CriterionId, nullable: false).Description("The rubric criterion's code.");
        Field<NonNullGraphType<IdGraphType>>("firstEvaluatorId").Description("One evaluator of the pair (the first in id order).").Resolve(ctx => ctx.Source.Agreement.FirstRaterId);
        Field<NonNullGraphType<IdGraphType>>("secondEvaluatorId").Description("The other evaluator of the pair.").Resolve(ctx => ctx.Source.Agreement.SecondRaterId);
        Field<NonNullGraphType<IntGraphType>>("sharedAttempts").Description("Attempts both reviewed and rated on this criterion (at least 10).").Resolve(ctx => ctx.Source.Agreement.SharedUnits);
        Field<FloatGraphType>("kappa").Description("Cohen's kappa: 1 is perfect agreement, 0 no better than chance; null when undefined.").Resolve(ctx => ctx.Source.Agreement.Kappa);
        Field<FloatGraphType>("quadraticKappa").Description("Quadratic weighted kappa: a two-level disagreement counts four times a one-level one; null when undefined.").Resolve(ctx => ctx.Source.Agreement.QuadraticKappa);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class TrainingGapType : ObjectGraphType<TrainingGap>
{
    public TrainingGapType()
    {
        Name = "TrainingGap";
        Description = "How often a cohort's decided level on a criterion was below its passing level.";
        Field(x => x.Cohort, nullable: false).Description("The cohort's id (coh_…).");
        Field(x => x.CriterionId, nullable: false).Description("The rubric criterion's code.");
        Field(x => x.BelowPassing, nullable: false).Description("Decided attempts whose decided level on the criterion was below passing.");
        Field(x => x.Decided, nullable: false).Description("Decided attempts of the cohort that scored the criterion.");
        Field(x => x.Share, nullable: false).Description("belowPassing over decided, as a fraction from 0 to 1.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ProgramAnalyticsType : ObjectGraphType<ProgramAnalyticsSummary>
{
    public ProgramAnalyticsType()
    {
        Name = "ProgramAnalytics";
        Description = "A community's program analytics over a window of months, kept up to date from domain events.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("periods").Description("The calendar months (UTC) the figures cover, as yyyy-MM, oldest first.").Resolve(ctx => ctx.Source.Periods);
        Field(x => x.Applications, nullable: false).Description("Learners' first attempts at a credential submitted in the window.");
        Field(x => x.AttemptsSubmitted, nullable: false).Description("Attempts submitted in the window, retakes included.");
        Field<NonNullGraphType<OutcomeCountType>>("firstAttempts").Description("Outcomes of first attempts decided in the window.").Resolve(ctx => ctx.Source.FirstAttempts);
        Field<NonNullGraphType<OutcomeCountType>>("laterAttempts").Description("Outcomes of retakes decided in the window.").Resolve(ctx => ctx.Source.LaterAttempts);
        Field(x => x.MedianDaysToCertification, nullable: true).Description("Median days from submitting an attempt to its passing decision, for attempts passed in the window; null when none passed.");
        Field(x => x.AppealsFiled, nullable: false).Description("Appeals filed in the window.");
        Field(x => x.AppealsOverturned, nullable: false).Description("Appeals decided in the window whose panel overturned the decision.");
        Field(x => x.AppealsUpheld, nullable: false).Description("Appeals decided in the window whose panel upheld the decision.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NamedFigureType>>>>("renewals").Description("How many credentials reached each renewal milestone in the window.").Resolve(ctx => ctx.Source.Renewals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NamedFigureType>>>>("ceCredits").Description("Continuing-education credits recorded in the window, per category.").Resolve(ctx => ctx.Source.CeCredits);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvaluatorLoadType>>>>("evaluators").Description("Every evaluator active in the window: load and severity.").Resolve(ctx => ctx.Source.Evaluators);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FairnessBreakdownType>>>>("fairness").Description("Pass rates broken down by learner organisation, language, cohort, evaluator organisation and evaluator.").Resolve(ctx => ctx.Source.Fairness);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionReliabilityType>>>>("reliability").Description("Inter-rater reliability of every rubric criterion rated in the window.").Resolve(ctx => ctx.Source.Reliability);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvaluatorPairAgreementType>>>>("evaluatorPairs").Description("Cohen's kappa and quadratic weighted kappa of every evaluator pair with at least 10 shared attempts, per credential and criterion.").Resolve(ctx => ctx.Source.EvaluatorPairs);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrainingGapType>>>>("trainingGaps").Description("The 20 most frequent criteria cohorts fall short on, most frequent first; cohorts under the minimum group size are left out.").Resolve(ctx => ctx.Source.TrainingGaps);
        Field(x => x.MinimumGroupSize, nullable: false).Description("Groups smaller than this show only their name, as asked for.");
        Field<NonNullGraphType<StringGraphType>>("csv").Description("The same figures as CSV (RFC 4180): section, name, group, measure, value.")
            .Resolve(ctx => AnalyticsCsv.Write(ctx.Source));
        this.AuthorizeOtherFieldsAsParent();
    }
}
