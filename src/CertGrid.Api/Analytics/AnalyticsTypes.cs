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
        Field(x => x.Passed, nullable: false);
        Field(x => x.Total, nullable: false);
        Field(x => x.PassRate, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class NamedFigureType : ObjectGraphType<NamedFigure>
{
    public NamedFigureType()
    {
        Name = "NamedFigure";
        Field(x => x.Name, nullable: false);
        Field(x => x.Value, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class EvaluatorLoadType : ObjectGraphType<EvaluatorLoad>
{
    public EvaluatorLoadType()
    {
        Name = "EvaluatorLoad";
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Reviews, nullable: false);
        Field(x => x.Overdue, nullable: false);
        Field<NonNullGraphType<SeverityEstimateType>>("severity").Resolve(ctx => ctx.Source.Severity);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CriterionReliabilityType : ObjectGraphType<CriterionReliability>
{
    public CriterionReliabilityType()
    {
        Name = "CriterionReliability";
        Field(x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.CriterionId, nullable: false);
        Field<NonNullGraphType<ReliabilityMeasureType>>("measure").Resolve(ctx => ctx.Source.Measure);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class TrainingGapType : ObjectGraphType<TrainingGap>
{
    public TrainingGapType()
    {
        Name = "TrainingGap";
        Description = "How often a cohort's decided level on a criterion was below its passing level.";
        Field(x => x.Cohort, nullable: false);
        Field(x => x.CriterionId, nullable: false);
        Field(x => x.BelowPassing, nullable: false);
        Field(x => x.Decided, nullable: false);
        Field(x => x.Share, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ProgramAnalyticsType : ObjectGraphType<ProgramAnalyticsSummary>
{
    public ProgramAnalyticsType()
    {
        Name = "ProgramAnalytics";
        Description = "A community's program analytics over a window of months, kept up to date from domain events.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("periods").Resolve(ctx => ctx.Source.Periods);
        Field(x => x.Applications, nullable: false);
        Field(x => x.AttemptsSubmitted, nullable: false);
        Field<NonNullGraphType<OutcomeCountType>>("firstAttempts").Resolve(ctx => ctx.Source.FirstAttempts);
        Field<NonNullGraphType<OutcomeCountType>>("laterAttempts").Resolve(ctx => ctx.Source.LaterAttempts);
        Field(x => x.MedianDaysToCertification, nullable: true);
        Field(x => x.AppealsFiled, nullable: false);
        Field(x => x.AppealsOverturned, nullable: false);
        Field(x => x.AppealsUpheld, nullable: false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NamedFigureType>>>>("renewals").Resolve(ctx => ctx.Source.Renewals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NamedFigureType>>>>("ceCredits").Resolve(ctx => ctx.Source.CeCredits);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvaluatorLoadType>>>>("evaluators").Resolve(ctx => ctx.Source.Evaluators);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FairnessBreakdownType>>>>("fairness").Resolve(ctx => ctx.Source.Fairness);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionReliabilityType>>>>("reliability").Resolve(ctx => ctx.Source.Reliability);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrainingGapType>>>>("trainingGaps").Resolve(ctx => ctx.Source.TrainingGaps);
        Field(x => x.MinimumGroupSize, nullable: false);
        Field<NonNullGraphType<StringGraphType>>("csv").Description("The same figures as CSV (RFC 4180): section, name, group, measure, value.")
            .Resolve(ctx => AnalyticsCsv.Write(ctx.Source));
        this.AuthorizeOtherFieldsAsParent();
    }
}
