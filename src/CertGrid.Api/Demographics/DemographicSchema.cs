using CertGrid.Abstractions.Analytics;
using CertGrid.Abstractions.Demographics;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using CertGrid.Domain.Demographics;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Demographics;

/// <summary>
/// Declared demographic attributes: admins define what may be declared; a learner declares, reads and withdraws only
/// their own. No field lets anyone else read a declaration: admins see declared groups only as aggregated, suppressed
/// breakdowns in programAnalytics and the quality report.
/// </summary>
public sealed class DemographicSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DemographicAttributeType>>>>("demographicAttributes")
            .Description("The attributes the community invites learners to declare (admins and learners).")
            .Authorize(AccessRules.Admins | AccessRules.Learners)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IFairnessPolicyGrain>(ctx.Community()).ListAttributesAsync());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeclaredValueType>>>>("myDemographicDeclaration")
            .Description("What you declared about yourself (learners only; nobody else can read it).")
            .Authorize(AccessRules.Learners)
            .ResolveAsync(async ctx => await ctx.Grains().DemographicDeclaration(ctx.Community(), ctx.OwnLearnerId()).GetAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<DemographicAttributeType>>("defineDemographicAttribute")
            .Description("Defines an attribute learners may declare, or replaces the one with the same code (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<DemographicAttributeInputType>>("input", "The attribute.")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IFairnessPolicyGrain>(ctx.Community())
                .DefineAttributeAsync(ctx.GetArgument<DemographicAttributeInput>("input").ToAttribute(), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeclaredValueType>>>>("declareDemographics")
            .Description("Replaces your declaration with these values (learners only, voluntary; an empty list declares nothing). " +
                "Used only in aggregated fairness breakdowns, from your next decided attempt on.")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<DeclaredValueInputType>>>>("values", "One value per attribute you choose to declare.")
            .ResolveAsync(async ctx => await ctx.Grains().DemographicDeclaration(ctx.Community(), ctx.OwnLearnerId())
                .DeclareAsync(ctx.GetArgument<List<DeclaredValue>>("values")));

        mutation.Field<NonNullGraphType<BooleanGraphType>>("withdrawDemographics")
            .Description("Withdraws your whole declaration (learners only): later decisions are counted without it. Returns true.")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .ResolveAsync(async ctx =>
            {
                await ctx.Grains().DemographicDeclaration(ctx.Community(), ctx.OwnLearnerId()).WithdrawAsync();
                return true;
            });
    }
}
