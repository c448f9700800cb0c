using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Paging;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Access;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Communities;

/// <summary>The viewer, communities, and what the platform operator does: open communities and hand out admin keys.</summary>
public sealed class CommunitySchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ViewerType>>("viewer").Description("Who the presented key says you are; anonymous without a key.")
            .Authorize(AccessRules.Anyone).Resolve(ctx => ctx.Caller());

        query.Field<NonNullGraphType<CommunityType>>("community")
            .Description("Your community; the platform operator names one with 'id'.")
            .Authorize(AccessRules.Operator | AccessRules.Members)
            .Argument<IdGraphType>("id", "The community's id; the operator names one, members leave it out.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var id = caller.Kind == CallerKind.Operator ? CommunityId.Require(ctx.GetArgument<string?>("id"), "id") : ctx.Community();
                return await ctx.Grains().GetGrain<ICommunityGrain>(id).GetAsync();
            });

        query.Field<NonNullGraphType<PageGraphType<CommunityType, CommunityInfo>>>("communities")
            .Description("Every community (platform operator only).")
            .Authorize(AccessRules.Operator)
            .Paged()
            .ResolveAsync(async ctx =>
            {
                return await ctx.Grains().GetGrain<ICommunityDirectoryGrain>(0).ListAsync(ctx.Page());
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<CommunityCreatedType>>("createCommunity")
            .Description("Opens a community and returns its first admin key (platform operator only).")
            .Authorize(AccessRules.Operator)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<CreateCommunityInputType>>("input", "The community's id, name, website and contact email.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var input = ctx.GetArgument<CreateCommunityInput>("input");
                var id = CommunityId.Require(input.Id, "input.id");
                return await ctx.Grains().GetGrain<ICommunityGrain>(id)
                    .CreateAsync(new CreateCommunity(input.Name, input.Description, input.Url, input.Email), caller.Actor);
            });

        mutation.Field<NonNullGraphType<IssuedApiKeyType>>("issueCommunityAdminKey")
            .Description("Issues another admin key for a community, e.g. when its admins lost theirs (platform operator only).")
            .Authorize(AccessRules.Operator)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("communityId", "The community (its id).")
            .Argument<NonNullGraphType<StringGraphType>>("label", "What the key is for, e.g. 'Replacement for lost admin key'.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = CommunityId.Require(ctx.GetArgument<string>("communityId"), "communityId");
                _ = await ctx.Grains().GetGrain<ICommunityGrain>(community).GetAsync();
                return await ctx.Grains().ApiKey(community, ctx.NewEntityId(IdPrefixes.ApiKey))
                    .IssueAsync(new IssueApiKey(Role.CommunityAdmin, null, [], ctx.GetArgument<string>("label")), caller.Actor);
            });
    }
}
