using CertGrid.Abstractions.Access;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Access;

/// <summary>A community admin issues, lists and revokes the community's API keys.</summary>
public sealed class AccessSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<PageGraphType<ApiKeyType, ApiKeyInfo>>>("apiKeys")
            .Description("Your community's API keys (admin).")
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IApiKeyDirectoryGrain>(ctx.Caller().RequireAdmin()).ListAsync(ctx.Page()));

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<IssuedApiKeyType>>("issueApiKey")
            .Description("Issues a key for an admin, an evaluator, a learner or a partner organisation (admin).")
            .Argument<NonNullGraphType<IssueApiKeyInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireAdmin();
                var input = ctx.GetArgument<IssueApiKeyInput>("input");
                return await ctx.Grains().GetGrain<IApiKeyGrain>(new ScopedKey(community, EntityId.New(IdPrefixes.ApiKey)).ToString())
                    .IssueAsync(new IssueApiKey(input.Role, input.SubjectId, input.Scopes ?? [], input.Label), caller.Actor);
            });

        mutation.Field<NonNullGraphType<ApiKeyType>>("revokeApiKey")
            .Description("Revokes a key at once on every gateway (admin).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireAdmin();
                var keyId = EntityId.Require(ctx.GetArgument<string>("id"), IdPrefixes.ApiKey, "id");
                var revoked = await ctx.Grains().GetGrain<IApiKeyGrain>(new ScopedKey(community, keyId).ToString()).RevokeAsync(caller.Actor);
                await ctx.Service<IApiKeyCache>().RemoveAsync(community, keyId);
                return revoked;
            });
    }
}
