using CertGrid.Abstractions.Access;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Access;

/// <summary>A community admin issues, lists, rotates and revokes the community's API keys.</summary>
public sealed class AccessSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<PageGraphType<ApiKeyType, ApiKeyInfo>>>("apiKeys")
            .Description("Your community's API keys, newest first, revoked ones included; never their secrets.")
            .Authorize(AccessRules.Admins)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IApiKeyDirectoryGrain>(ctx.Community()).ListAsync(ctx.Page()));

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<IssuedApiKeyType>>("issueApiKey")
            .Description("Issues a key for an admin, an evaluator, a learner or a partner organisation; the secret is in the answer only.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IssueApiKeyInputType>>("input", "The key's role, who it acts for and its scopes.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<IssueApiKeyInput>("input");
                return await ctx.Grains().ApiKey(ctx.Community(), ctx.NewEntityId(IdPrefixes.ApiKey))
                    .IssueAsync(new IssueApiKey(input.Role, input.SubjectId, input.Scopes ?? [], input.Label, input.ExpiresAt), ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<IssuedApiKeyType>>("rotateApiKey")
            .Description("Replaces a key with a new one of the same role, subject, scopes, label and expiry; the new secret is in the answer only. " +
                         "The old key keeps working for graceMinutes (0: it stops at once), then is refused as UNAUTHENTICATED.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The key's id (key_…), as listed by apiKeys.")
            .Argument<NonNullGraphType<IntGraphType>>("graceMinutes", "How long the old key keeps working, 0 to 43200 (30 days).")
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var keyId = ctx.Id("id", IdPrefixes.ApiKey);
                var rotated = await ctx.Grains().ApiKey(community, keyId)
                    .RotateAsync(ctx.NewEntityId(IdPrefixes.ApiKey), ctx.GetArgument<int>("graceMinutes"), ctx.Caller().Actor);
                await ctx.Service<IApiKeyCache>().RemoveAsync(community, keyId);
                return rotated;
            });

        mutation.Field<NonNullGraphType<ApiKeyType>>("revokeApiKey")
            .Description("Revokes a key at once on every gateway; requests with it are refused as UNAUTHENTICATED from then on.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The key's id (key_…), as listed by apiKeys.")
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var keyId = ctx.Id("id", IdPrefixes.ApiKey);
                var revoked = await ctx.Grains().ApiKey(community, keyId).RevokeAsync(ctx.Caller().Actor);
                await ctx.Service<IApiKeyCache>().RemoveAsync(community, keyId);
                return revoked;
            });
    }
}
