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

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<EvaluatorType>>("registerEvaluator")
            .Description("Adds an evaluator to your community's pool (admin).")
            .Argument<NonNullGraphType<RegisterEvaluatorInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireAdmin();
                var input = ctx.GetArgument<RegisterEvaluatorInput>("input");
                return await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(community).RegisterAsync(EntityId.New(IdPrefixes.Evaluator),
                    new RegisterEvaluator(input.Name, input.Email, input.Organisation, input.Expertise ?? [], input.LinkedLearnerId, input.MaxActiveAssignments ?? 0, input.Languages),
                    caller.Actor);
            });

        mutation.Field<NonNullGraphType<EvaluatorType>>("updateEvaluator")
            .Description("Changes an evaluator's organisation, expertise, languages or capacity (admin).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<UpdateEvaluatorInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireAdmin();
                var input = ctx.GetArgument<UpdateEvaluatorInput>("input");
                return await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(community).UpdateAsync(EntityId.Require(ctx.GetArgument<string>("id"), IdPrefixes.Evaluator, "id"),
                    new UpdateEvaluator(input.Organisation, input.Expertise, input.Languages, input.MaxActiveAssignments), caller.Actor);
            });

        mutation.Field<NonNullGraphType<EvaluatorType>>("setEvaluatorActive")
            .Description("Activates or deactivates an evaluator; deactivating needs a reason. Inactive evaluators are never assigned (admin).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<BooleanGraphType>>("active")
            .Argument<StringGraphType>("reason")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireAdmin();
                return await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(community).SetActiveAsync(EntityId.Require(ctx.GetArgument<string>("id"), IdPrefixes.Evaluator, "id"),
                    ctx.GetArgument<bool>("active"), ctx.GetArgument<string?>("reason"), caller.Actor);
            });

        mutation.Field<NonNullGraphType<EvaluatorType>>("setAvailability")
            .Description("Marks an evaluator unavailable until a time (null: available now). Evaluators set their own; admins name the evaluator.")
            .Argument<DateTimeOffsetGraphType>("unavailableUntil")
            .Argument<IdGraphType>("evaluatorId")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireMember();
                var evaluatorId = caller.IsAdmin ? EntityId.Require(ctx.GetArgument<string?>("evaluatorId"), IdPrefixes.Evaluator, "evaluatorId") : caller.RequireEvaluator();
                return await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(community).SetAvailabilityAsync(evaluatorId, ctx.GetArgument<DateTimeOffset?>("unavailableUntil"), caller.Actor);
            });
    }
}
