using CertGrid.Api.Access.Rules;
using CertGrid.Domain.Quality;
using GraphQL.Types;

namespace CertGrid.Api.Analytics;

public sealed class SeverityVerdictType : EnumerationGraphType<SeverityVerdict>;

public sealed class SignificanceTestKindType : EnumerationGraphType<SignificanceTestKind>;

public sealed class ConfidenceIntervalType : ObjectGraphType<ConfidenceInterval>
{
    public ConfidenceIntervalType()
    {
        Name = "ConfidenceInterval";
        Field(x => x.Lower, nullable: false).Description("The interval's lower bound, in the unit of the estimate.");
        Field(x => x.Upper, nullable: false).Description("The interval's upper bound, in the unit of the estimate.");
        Field(x => x.Confidence, nullable: false).Description("For example 0.95.");
        Field(x => x.Resamples, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class SignificanceType : ObjectGraphType<Significance>
{
    public SignificanceType()
    {
        Name = "Significance";
        Description = "The group against everyone else shown: chi-square when every expected count is at least 5, Fisher's exact test otherwise; Holm-adjusted.";
        Field<NonNullGraphType<SignificanceTestKindType>>("test").Description("Which test produced the P-value.").Resolve(ctx => ctx.Source.Test);
        Field(x => x.PValue, nullable: false).Description("The two-sided P-value of the group's difference from the rest (0-1).");
        Field(x => x.AdjustedPValue, nullable: false).Description("The P-value after the Holm adjustment for the other groups compared (0-1).");
        Field(x => x.IsSignificant, nullable: false).Description("Adjusted P-value below 0.05.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ScoreDistributionType : ObjectGraphType<ScoreDistribution>
{
    public ScoreDistributionType()
    {
        Name = "ScoreDistribution";
        Description = "A group's scores (percentages 0-100) at a glance: how many, the mean, the quartiles and a histogram of ten-point bands for charts.";
        Field(x => x.Count, nullable: false).Description("How many scores.");
        Field(x => x.Mean, nullable: false).Description("The mean score, in percent (0-100).");
        Field(x => x.LowerQuartile, nullable: false).Description("The 25th percentile, in percent.");
        Field(x => x.Median, nullable: false).Description("The median score, in percent.");
        Field(x => x.UpperQuartile, nullable: false).Description("The 75th percentile, in percent.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("bands").Description("Scores in 0–9, 10–19, …, 90–100.").Resolve(ctx => ctx.Source.Bands);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class GroupImpactType : ObjectGraphType<BreakdownGroup>
{
    public GroupImpactType()
    {
        Name = "FairnessGroup";
        Description = "One group of a breakdown. A suppressed group (fewer members than the minimum group size) shows only its name.";
        Field<NonNullGraphType<StringGraphType>>("group").Description("The group's name: an organisation, language, cohort or evaluator.").Resolve(ctx => ctx.Source.Impact.Group);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Description("True when the group is below the minimum group size: its figures are then null.").Resolve(ctx => ctx.Source.Impact.Suppressed);
        Field<IntGraphType>("passed").Description("How many of the group passed; null when suppressed.").Resolve(ctx => ctx.Source.Impact.Passed);
        Field<IntGraphType>("total").Description("How many of the group were decided; null when suppressed.").Resolve(ctx => ctx.Source.Impact.Total);
        Field<FloatGraphType>("passRate").Description("passed over total, as a fraction from 0 to 1; null when suppressed.").Resolve(ctx => ctx.Source.Impact.PassRate);
        Field<FloatGraphType>("impactRatio").Description("Pass rate over the highest pass rate shown (four-fifths rule).").Resolve(ctx => ctx.Source.Impact.ImpactRatio);
        Field<NonNullGraphType<BooleanGraphType>>("isReference").Description("True for the group with the highest pass rate, which the others are compared with.").Resolve(ctx => ctx.Source.Impact.IsReference);
        Field<NonNullGraphType<BooleanGraphType>>("belowFourFifths").Description("True when the impact ratio is below 0.8: evidence of adverse impact.").Resolve(ctx => ctx.Source.Impact.BelowFourFifths);
        Field<NonNullGraphType<BooleanGraphType>>("flagged").Description("Below four-fifths and significant.").Resolve(ctx => ctx.Source.Impact.Flagged);
        Field<SignificanceType>("significance").Description("How unlikely the group's difference from the rest is by chance; null for the reference group and when suppressed.").Resolve(ctx => ctx.Source.Impact.Significance);
        Field<ScoreDistributionType>("scores").Description("The distribution of the group's percentages; null when suppressed or without scores.").Resolve(ctx => ctx.Source.Scores);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class FairnessBreakdownType : ObjectGraphType<FairnessBreakdown>
{
    public FairnessBreakdownType()
    {
        Name = "FairnessBreakdown";
        Description = "Pass rates and score distributions broken down by one dimension, with the four-fifths comparison and its significance for every group large enough to show; smaller groups show only their name.";
        Field(x => x.Dimension, nullable: false).Description("What the groups are: LearnerOrganisation, Language, Cohort, EvaluatorOrganisation or Evaluator.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GroupImpactType>>>>("groups").Description("One line per group.").Resolve(ctx => ctx.Source.Groups);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ReliabilityMeasureType : ObjectGraphType<ReliabilityMeasure>
{
    public ReliabilityMeasureType()
    {
        Name = "ReliabilityMeasure";
        Description = "The reliability of one set of ratings: Krippendorff's ordinal alpha with a bootstrap interval, and exact and adjacent agreement.";
        Field<FloatGraphType>("alpha").Description("Krippendorff's ordinal alpha; null when undefined.").Resolve(ctx => ctx.Source.Alpha?.Alpha);
        Field<IntGraphType>("units").Description("Attempts with at least two reviews.").Resolve(ctx => ctx.Source.Alpha?.Units);
        Field<ConfidenceIntervalType>("interval").Description("A bootstrap confidence interval for alpha; null when alpha is undefined.").Resolve(ctx => ctx.Source.Interval);
        Field<FloatGraphType>("exactAgreement").Description("Share of rating pairs on the same level (0-1); null without pairs.").Resolve(ctx => ctx.Source.Agreement?.Exact);
        Field<FloatGraphType>("adjacentAgreement").Description("Share of rating pairs at most one level apart, exact included (0-1); null without pairs.").Resolve(ctx => ctx.Source.Agreement?.Adjacent);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class SeverityEstimateType : ObjectGraphType<SeverityEstimate>
{
    public SeverityEstimateType()
    {
        Name = "SeverityEstimate";
        Description = "How an evaluator's scores compare with the rest of their panels: the mean of their percentage minus the other members' mean, over shared attempts, with a Student-t interval.";
        Field(x => x.Reviews, nullable: false).Description("Reviews shared with at least one other panel member.");
        Field(x => x.MeanDeviation, nullable: false).Description("Mean percentage points above (lenient) or below (harsh) the rest of their panels.");
        Field<ConfidenceIntervalType>("interval").Description("A Student-t confidence interval for meanDeviation; null with too few reviews.").Resolve(ctx => ctx.Source.Interval);
        Field<NonNullGraphType<SeverityVerdictType>>("verdict").Description("IN_LINE, HARSH, LENIENT or TOO_FEW_REVIEWS to tell.").Resolve(ctx => ctx.Source.Verdict);
        this.AuthorizeOtherFieldsAsParent();
    }
}
