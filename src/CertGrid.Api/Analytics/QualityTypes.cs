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
        Field(x => x.Lower, nullable: false);
        Field(x => x.Upper, nullable: false);
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
        Field<NonNullGraphType<SignificanceTestKindType>>("test").Resolve(ctx => ctx.Source.Test);
        Field(x => x.PValue, nullable: false);
        Field(x => x.AdjustedPValue, nullable: false);
        Field(x => x.IsSignificant, nullable: false).Description("Adjusted P-value below 0.05.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ScoreDistributionType : ObjectGraphType<ScoreDistribution>
{
    public ScoreDistributionType()
    {
        Name = "ScoreDistribution";
        Field(x => x.Count, nullable: false);
        Field(x => x.Mean, nullable: false);
        Field(x => x.LowerQuartile, nullable: false);
        Field(x => x.Median, nullable: false);
        Field(x => x.UpperQuartile, nullable: false);
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
        Field<NonNullGraphType<StringGraphType>>("group").Resolve(ctx => ctx.Source.Impact.Group);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Resolve(ctx => ctx.Source.Impact.Suppressed);
        Field<IntGraphType>("passed").Resolve(ctx => ctx.Source.Impact.Passed);
        Field<IntGraphType>("total").Resolve(ctx => ctx.Source.Impact.Total);
        Field<FloatGraphType>("passRate").Resolve(ctx => ctx.Source.Impact.PassRate);
        Field<FloatGraphType>("impactRatio").Description("Pass rate over the highest pass rate shown (four-fifths rule).").Resolve(ctx => ctx.Source.Impact.ImpactRatio);
        Field<NonNullGraphType<BooleanGraphType>>("isReference").Resolve(ctx => ctx.Source.Impact.IsReference);
        Field<NonNullGraphType<BooleanGraphType>>("belowFourFifths").Resolve(ctx => ctx.Source.Impact.BelowFourFifths);
        Field<NonNullGraphType<BooleanGraphType>>("flagged").Description("Below four-fifths and significant.").Resolve(ctx => ctx.Source.Impact.Flagged);
        Field<SignificanceType>("significance").Resolve(ctx => ctx.Source.Impact.Significance);
        Field<ScoreDistributionType>("scores").Resolve(ctx => ctx.Source.Scores);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class FairnessBreakdownType : ObjectGraphType<FairnessBreakdown>
{
    public FairnessBreakdownType()
    {
        Name = "FairnessBreakdown";
        Field(x => x.Dimension, nullable: false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GroupImpactType>>>>("groups").Resolve(ctx => ctx.Source.Groups);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ReliabilityMeasureType : ObjectGraphType<ReliabilityMeasure>
{
    public ReliabilityMeasureType()
    {
        Name = "ReliabilityMeasure";
        Field<FloatGraphType>("alpha").Description("Krippendorff's ordinal alpha; null when undefined.").Resolve(ctx => ctx.Source.Alpha?.Alpha);
        Field<IntGraphType>("units").Description("Attempts with at least two reviews.").Resolve(ctx => ctx.Source.Alpha?.Units);
        Field<ConfidenceIntervalType>("interval").Resolve(ctx => ctx.Source.Interval);
        Field<FloatGraphType>("exactAgreement").Resolve(ctx => ctx.Source.Agreement?.Exact);
        Field<FloatGraphType>("adjacentAgreement").Resolve(ctx => ctx.Source.Agreement?.Adjacent);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class SeverityEstimateType : ObjectGraphType<SeverityEstimate>
{
    public SeverityEstimateType()
    {
        Name = "SeverityEstimate";
        Field(x => x.Reviews, nullable: false).Description("Reviews shared with at least one other panel member.");
        Field(x => x.MeanDeviation, nullable: false).Description("Mean percentage points above (lenient) or below (harsh) the rest of their panels.");
        Field<ConfidenceIntervalType>("interval").Resolve(ctx => ctx.Source.Interval);
        Field<NonNullGraphType<SeverityVerdictType>>("verdict").Resolve(ctx => ctx.Source.Verdict);
        this.AuthorizeOtherFieldsAsParent();
    }
}
