using CertGrid.Abstractions.Evaluators;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
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
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(ctx.Community()).ListAsync());

        query.Field<NonNullGraphType<EvaluatorType>>("evaluator")
            .Description("An evaluator of the pool: admins name one; an evaluator reads themself (id may be left out).")
            .Authorize(AccessRules.Admins | AccessRules.EvaluatorNamedBy("id"))
            .Argument<IdGraphType>("id", "The evaluator (evl_…); left out, the evaluator the key belongs to.")
            .ResolveAsync(async ctx =>
            {
                var evaluatorId = ctx.Caller().IsAdmin ? ctx.Id("id", IdPrefixes.Evaluator) : ctx.OwnEvaluatorId();
                return await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(ctx.Community()).GetAsync(evaluatorId);
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<EvaluatorType>>("registerEvaluator")
            .Description("Adds an evaluator to your community's pool (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<RegisterEvaluatorInputType>>("input", "The evaluator's name, email, organisation and expertise.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var pool = ctx.Grains().GetGrain<IEvaluatorPoolGrain>(ctx.Community());
                var input = ctx.GetArgument<RegisterEvaluatorInput>("input");
                var evaluator = new RegisterEvaluator(input.Name, input.Email, input.Organisation, input.Expertise ?? [], input.LinkedLearnerId, input.MaxActiveAssignments ?? 0, input.Languages);
                return await ctx.CreateOnceAsync(IdPrefixes.Evaluator, id => pool.RegisterAsync(id, evaluator, caller.Actor), pool.GetAsync);
            });

        mutation.Field<NonNullGraphType<EvaluatorType>>("updateEvaluator")
            .Description("Changes an evaluator's organisation, expertise, languages or capacity (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The evaluator (evl_…).")
            .Argument<NonNullGraphType<UpdateEvaluatorInputType>>("input", "The details to change; those left out stay as they are.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = ctx.Community();
                var input = ctx.GetArgument<UpdateEvaluatorInput>("input");
                return await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(community).UpdateAsync(EntityId.Require(ctx.GetArgument<string>("id"), IdPrefixes.Evaluator, "id"),
                    new UpdateEvaluator(input.Organisation, input.Expertise, input.Languages, input.MaxActiveAssignments), caller.Actor);
            });

        mutation.Field<NonNullGraphType<EvaluatorType>>("setEvaluatorActive")
            .Description("Activates or deactivates an evaluator; deactivating needs a reason. Inactive evaluators are never assigned (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The evaluator (evl_…).")
            .Argument<NonNullGraphType<BooleanGraphType>>("active", "False takes the evaluator off new panels; true puts them back.")
            .Argument<StringGraphType>("reason", "Why, for the audit log.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = ctx.Community();
                return await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(community).SetActiveAsync(EntityId.Require(ctx.GetArgument<string>("id"), IdPrefixes.Evaluator, "id"),
                    ctx.GetArgument<bool>("active"), ctx.GetArgument<string?>("reason"), caller.Actor);
            });

        mutation.Field<NonNullGraphType<EvaluatorType>>("setAvailability")
            .Description("Marks an evaluator unavailable until a time (null: available now); no new panels are assigned to them meanwhile. Evaluators set their own; admins name the evaluator.")
            .Authorize(AccessRules.Admins | AccessRules.EvaluatorNamedBy("evaluatorId"))
            .SafeToRunAgain()
            .Argument<DateTimeOffsetGraphType>("unavailableUntil", "Until when (ISO 8601 with offset); null makes them available now.")
            .Argument<IdGraphType>("evaluatorId", "The evaluator (evl_…); required for admins, left out by evaluators.")
            .ResolveAsync(async ctx =>
            {
                var evaluatorId = ctx.Caller().IsAdmin ? ctx.Id("evaluatorId", IdPrefixes.Evaluator) : ctx.OwnEvaluatorId();
                return await ctx.Grains().GetGrain<IEvaluatorPoolGrain>(ctx.Community()).SetAvailabilityAsync(evaluatorId, ctx.GetArgument<DateTimeOffset?>("unavailableUntil"), ctx.Caller().Actor);
            });
    }
}
