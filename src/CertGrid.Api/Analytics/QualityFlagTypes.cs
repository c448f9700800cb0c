using CertGrid.Api.Access.Rules;
using CertGrid.Api.Analytics.Report;
using CertGrid.Domain.Quality;
using GraphQL.Types;

namespace CertGrid.Api.Analytics;

public sealed class QualityFlagOutcomeType : EnumerationGraphType<QualityFlagOutcome>
{
    public QualityFlagOutcomeType()
    {
        Name = "QualityFlagOutcome";
        Description = "What the community's review board decided about a quality-report flag.";
    }
}

public sealed class QualityFlagType : ObjectGraphType<ReportFlag>
{
    public QualityFlagType()
    {
        Name = "QualityFlag";
        Description = "A finding of the quality report the review board should act on, and what it recorded about it.";
        Field(x => x.Key, nullable: false).Description("Stable across periods (reliability/{criterion}, fairness/{breakdown}/{group}, severity/{evaluator}, calibration/{evaluator}): resolveQualityFlag takes it.");
        Field(x => x.Finding, nullable: false).Description("The finding in words, with this window's figures.");
        Field(x => x.SuggestedAction, nullable: false).Description("What the report suggests the board does about it.");
        Field<QualityFlagResolutionType>("resolution").Description("The board's latest recorded decision on this key, possibly made while reviewing an earlier window; null while open.")
            .Resolve(ctx => ctx.Source.Resolution);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class QualityFlagResolutionType : ObjectGraphType<QualityFlagResolution>
{
    public QualityFlagResolutionType()
    {
        Name = "QualityFlagResolution";
        Description = "A review board decision about a flag: recorded in the audit chain as quality.flag-resolved.";
        Field(x => x.FlagKey, nullable: false).Description("The flag it resolves.");
        Field<NonNullGraphType<QualityFlagOutcomeType>>("outcome").Description("Acknowledged, action taken, or no action needed.").Resolve(ctx => ctx.Source.Outcome);
        Field(x => x.Note, nullable: false).Description("What the board did, or why nothing was needed.");
        Field(x => x.ResolvedBy, nullable: false).Description("The actor who recorded it (admin key or signed-in member).");
        Field(x => x.ResolvedAt, nullable: false).Description("When it was recorded.");
        Field(x => x.FromMonth, nullable: false).Description("First month (yyyy-MM) of the report window the board was reviewing.");
        Field(x => x.UntilMonth, nullable: false).Description("Last month (yyyy-MM) of that window.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ResolveQualityFlagInput
{
    public string FlagKey { get; set; } = string.Empty;
    public QualityFlagOutcome Outcome { get; set; }
    public string Note { get; set; } = string.Empty;
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
}

public sealed class ResolveQualityFlagInputType : InputObjectGraphType<ResolveQualityFlagInput>
{
    public ResolveQualityFlagInputType()
    {
        Name = "ResolveQualityFlagInput";
        Description = "The board's decision about one flag of the report for a window.";
        Field(x => x.FlagKey, nullable: false).Description("QualityFlag.key of a flag in the report for from..until.");
        Field(x => x.Outcome, type: typeof(NonNullGraphType<QualityFlagOutcomeType>)).Description("What the board decided.");
        Field(x => x.Note, nullable: false).Description($"What was done or why nothing was needed (at most {QualityFlagResolution.NoteMaxLength} characters).");
        Field(x => x.From, nullable: false).Description("An instant in the first month (UTC) of the report window reviewed.");
        Field(x => x.Until, nullable: false).Description("An instant in the last month (UTC) of that window.");
    }
}
