using CertGrid.Abstractions.Analytics;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Quality;
using GraphQL;
using GraphQL.Types;

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
    }

    public void AddMutations(RootMutation mutation)
    {
    }
}
