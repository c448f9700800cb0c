using CertGrid.Abstractions.Evaluators;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Evaluators;

/// <summary>The evaluator pool: admins register evaluators; an evaluator sees their own profile and assignments.</summary>
public sealed class EvaluatorSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvaluatorType>>>>("evaluators")
            .Description("Your community's evaluator pool (admin).")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(ctx.Caller().RequireAdmin()).ListAsync());

        query.Field<NonNullGraphType<EvaluatorType>>("evaluator")
            .Description("An evaluator (admin), or yourself with an evaluator key (id may be omitted).")
            .Argument<IdGraphType>("id")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireMember();
                var id = ctx.GetArgument<string?>("id") ?? (caller.Role == Domain.Access.Role.Evaluator ? caller.SubjectId : null);
                var evaluatorId = EntityId.Require(id, IdPrefixes.Evaluator, "id");
                if (!caller.IsAdmin && !caller.IsEvaluator(evaluatorId))
                {
                    throw CertGridException.Forbidden("Only community admins and the evaluator themself can read an evaluator.");
                }

                return await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(community).GetAsync(evaluatorId);
            });
    }

    public void AddMutations(RootMutation mutation) =>
        mutation.Field<NonNullGraphType<EvaluatorType>>("registerEvaluator")
            .Description("Adds an evaluator to your community's pool (admin).")
            .Argument<NonNullGraphType<RegisterEvaluatorInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireAdmin();
                var input = ctx.GetArgument<RegisterEvaluatorInput>("input");
                return await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(community).RegisterAsync(EntityId.New(IdPrefixes.Evaluator),
                    new RegisterEvaluator(input.Name, input.Email, input.Organisation, input.Expertise ?? [], input.LinkedLearnerId, input.MaxActiveAssignments ?? 0),
                    caller.Actor);
            });
}
