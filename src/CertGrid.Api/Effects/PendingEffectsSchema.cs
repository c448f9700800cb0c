using CertGrid.Abstractions.Persistence;
using CertGrid.Api.Access;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Effects;

/// <summary>
/// What operators see of the effect outbox (docs/conventions.md, Effects): the community's grains whose stored changes
/// still have effects to apply, and for those whose effects fail, what fails and how often.
/// </summary>
public sealed class PendingEffectsSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<PageGraphType<GrainEffectsType, GrainEffects>>>("pendingEffects")
            .Description("Grains of a community whose stored changes still have effects to apply (admin; the platform operator names a community with 'community'). "
                + "A grain is listed from the moment it stores a change with effects until the community's next sweep (every minute) finds them all applied; while an effect fails it shows the failing effect, how often it failed and the last error.")
            .Authorize(AccessRules.Admins | AccessRules.Operator)
            .Argument<IdGraphType>("community", "The community's id; the operator names one, admins leave it out.")
            .Paged()
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Caller().Kind == CallerKind.Operator ? CommunityId.Require(ctx.GetArgument<string?>("community"), "community") : ctx.Community();
                return await ctx.Grains().GetGrain<IEffectSweeperGrain>(community).ListAsync(ctx.Page());
            });
    }

    public void AddMutations(RootMutation mutation)
    {
    }
}
