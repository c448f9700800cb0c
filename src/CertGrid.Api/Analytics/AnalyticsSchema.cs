using CertGrid.Abstractions.Analytics;
using CertGrid.Abstractions.Hosting;
using CertGrid.Api.Analytics.Report;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Analytics;

/// <summary>Program analytics and fairness evidence, for admins only: partners, learners and evaluators see none of it.</summary>
public sealed class AnalyticsSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<FairnessPolicyType>>("fairnessPolicy")
            .Description("The community's minimum group size for fairness breakdowns (admin).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IFairnessPolicyGrain>(ctx.Community()).GetAsync());

        query.Field<NonNullGraphType<ProgramAnalyticsType>>("programAnalytics")
            .Description("Program analytics over the months from `from` to `until` (at most 36), groups smaller than the community's minimum group size (`fairnessPolicy`) suppressed (admin).")
            .Authorize(AccessRules.Admins)
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from", "An instant in the first month (UTC) of the window.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("until", "An instant in the last month (UTC) of the window, not before from.")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IProgramAnalyticsQueryGrain>(ctx.Community())
                .SummariseAsync(ctx.GetArgument<DateTimeOffset>("from"), ctx.GetArgument<DateTimeOffset>("until")));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<QualityFlagType>>>>("qualityFlags")
            .Description("The flags of the quality report for the months from `from` to `until`, each with the review board's latest resolution (admin).")
            .Authorize(AccessRules.Admins)
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from", "An instant in the first month (UTC) of the window.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("until", "An instant in the last month (UTC) of the window, not before from.")
            .Argument<StringGraphType>("language", "en or fr for the findings' words; other languages get English.", arg => arg.DefaultValue = QualityReportText.DefaultLanguage)
            .ResolveAsync(async ctx => await QualityFlagResolver.FlagsAsync(ctx.Grains(), ctx.Community(), ctx.GetArgument<DateTimeOffset>("from"), ctx.GetArgument<DateTimeOffset>("until"),
                Clock(ctx).GetUtcNow(), QualityReportEndpoint.Language(ctx.GetArgument<string?>("language"), null)));

        query.Field<NonNullGraphType<StringGraphType>>("qualityReport")
            .Description("The program quality report for the months from `from` to `until` as one HTML document, in `language` (en or fr), groups under the community's minimum group size suppressed (admin). " +
                "Browsers can open it at /c/{community}/reports/quality?from=yyyy-MM&until=yyyy-MM with the key as Bearer.")
            .Authorize(AccessRules.Admins)
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from", "An instant in the first month (UTC) of the window.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("until", "An instant in the last month (UTC) of the window, not before from.")
            .Argument<StringGraphType>("language", "en or fr; other languages get English.", arg => arg.DefaultValue = QualityReportText.DefaultLanguage)
            .ResolveAsync(async ctx =>
            {
                var data = await QualityReportLoader.LoadAsync(ctx.Grains(), ctx.Community(), ctx.GetArgument<DateTimeOffset>("from"), ctx.GetArgument<DateTimeOffset>("until"),
                    Clock(ctx).GetUtcNow());
                return QualityReportHtml.Render(data, QualityReportEndpoint.Language(ctx.GetArgument<string?>("language"), null));
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<QualityFlagType>>("resolveQualityFlag")
            .Description("Records the review board's decision about a flag of the quality report for a window (admin), audited as quality.flag-resolved and shown in the report. " +
                "NOT_FOUND unless the flag is in that window's report. The same decision again changes nothing.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<ResolveQualityFlagInputType>>("input", "The decision.")
            .ResolveAsync(async ctx => await QualityFlagResolver.ResolveAsync(ctx.Grains(), ctx.Community(), ctx.GetArgument<ResolveQualityFlagInput>("input"), ctx.Caller().Actor,
                Clock(ctx).GetUtcNow()));


        mutation.Field<NonNullGraphType<FairnessPolicyType>>("setFairnessPolicy")
            .Description("Sets the community's minimum group size (admin): every fairness breakdown — programAnalytics, its CSV, the quality report — " +
                "shows only the name of a group with fewer members. At least 5, at most 1000; 10 until set.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<FairnessPolicyInputType>>("input", "The setting.")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IFairnessPolicyGrain>(ctx.Community())
                .SetAsync(ctx.GetArgument<FairnessPolicyInput>("input").MinimumGroupSize, ctx.Caller().Actor));
    }

    private static TimeProvider Clock(IResolveFieldContext ctx) => ctx.RequestServices?.GetKeyedService<TimeProvider>(DomainClock.ServiceKey) ?? TimeProvider.System;
}
