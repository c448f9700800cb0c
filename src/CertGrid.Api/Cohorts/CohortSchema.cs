using CertGrid.Abstractions.Cohorts;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Cohorts;

/// <summary>Cohorts of learners going through a program together (admin).</summary>
public sealed class CohortSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<CohortType>>("cohort")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
                await ctx.Grains().GetGrain<ICohortGrain>(ctx.Scoped(ctx.Caller().RequireAdmin(), ctx.GetArgument<string>("id"), IdPrefixes.Cohort, "id")).GetAsync());

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<CohortType>>("createCohort")
            .Argument<NonNullGraphType<CreateCohortInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireAdmin();
                var input = ctx.GetArgument<CreateCohortInput>("input");
                return await ctx.Grains().GetGrain<ICohortGrain>(new ScopedKey(community, EntityId.New(IdPrefixes.Cohort)).ToString())
                    .CreateAsync(new CreateCohort(input.Name, input.StartsOn, input.EndsOn, input.CredentialDefinitionIds ?? []), caller.Actor);
            });

        mutation.Field<NonNullGraphType<CohortType>>("addCohortMembers")
            .Argument<NonNullGraphType<IdGraphType>>("cohortId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("learnerIds")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var key = ctx.Scoped(caller.RequireAdmin(), ctx.GetArgument<string>("cohortId"), IdPrefixes.Cohort, "cohortId");
                return await ctx.Grains().GetGrain<ICohortGrain>(key).AddMembersAsync(ctx.GetArgument<List<string>>("learnerIds"), caller.Actor);
            });
    }
}
