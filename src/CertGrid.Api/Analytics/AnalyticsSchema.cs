using CertGrid.Abstractions.Analytics;
using CertGrid.Abstractions.Hosting;
using CertGrid.Api.Analytics.Report;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Quality;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Analytics;

/// <summary>Program analytics and fairness evidence, for admins only: partners, learners and evaluators see none of it.</summary>
public sealed class AnalyticsSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ProgramAnalyticsType>>("programAnalytics")
            .Description("Program analytics over the months from `from` to `until` (at most 36), groups smaller than `minimumGroupSize` suppressed (admin).")
            .Authorize(AccessRules.Admins)
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from", "An instant in the first month (UTC) of the window.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("until", "An instant in the last month (UTC) of the window, not before from.")
            .Argument<IntGraphType>("minimumGroupSize", "Groups with fewer members than this (at least 5) show only their name, so no small group can be singled out.", arg => arg.DefaultValue = SmallGroupSuppression.DefaultMinimumGroupSize)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IProgramAnalyticsQueryGrain>(ctx.Community())
                .SummariseAsync(ctx.GetArgument<DateTimeOffset>("from"), ctx.GetArgument<DateTimeOffset>("until"), ctx.GetArgument<int>("minimumGroupSize")));

        query.Field<NonNullGraphType<StringGraphType>>("qualityReport")
            .Description("The program quality report for the months from `from` to `until` as one HTML document, in `language` (en or fr) (admin). " +
                "Browsers can open it at /c/{community}/reports/quality?from=yyyy-MM&until=yyyy-MM with the key as Bearer.")
            .Authorize(AccessRules.Admins)
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from", "An instant in the first month (UTC) of the window.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("until", "An instant in the last month (UTC) of the window, not before from.")
            .Argument<StringGraphType>("language", "en or fr; other languages get English.", arg => arg.DefaultValue = QualityReportText.DefaultLanguage)
            .Argument<IntGraphType>("minimumGroupSize", "Groups with fewer members than this (at least 5) are suppressed.", arg => arg.DefaultValue = SmallGroupSuppression.DefaultMinimumGroupSize)
            .ResolveAsync(async ctx =>
            {
                var clock = ctx.RequestServices?.GetKeyedService<TimeProvider>(DomainClock.ServiceKey) ?? TimeProvider.System;
                var data = await QualityReportLoader.LoadAsync(ctx.Grains(), ctx.Community(), ctx.GetArgument<DateTimeOffset>("from"), ctx.GetArgument<DateTimeOffset>("until"),
                    ctx.GetArgument<int>("minimumGroupSize"), clock.GetUtcNow());
                return QualityReportHtml.Render(data, QualityReportEndpoint.Language(ctx.GetArgument<string?>("language"), null));
            });
    }

    public void AddMutations(RootMutation mutation)
    {
    }
}
