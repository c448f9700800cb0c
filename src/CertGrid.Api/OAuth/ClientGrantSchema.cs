using CertGrid.Abstractions.OAuth;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.OAuth;

/// <summary>The OAuth 2.0 clients a learner allowed on the consent page: listed and withdrawn by that learner only.</summary>
public sealed class ClientGrantSchema : ISchemaContributor
{
    /// <summary>Longer than any authorization id ({community}.oaz_…); a longer argument names nothing.</summary>
    private const int MaxIdLength = 120;

    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientGrantType>>>>("oauthClients")
            .Description("The OAuth 2.0 clients you allowed to use the Open Badges API for you, newest first (learner).")
            .Authorize(AccessRules.Learners)
            .ResolveAsync(async ctx => await Grants(ctx).ListAsync());

    public void AddMutations(RootMutation mutation) =>
        mutation.Field<NonNullGraphType<ClientGrantType>>("withdrawOAuthClient")
            .Description("Withdraws a client's access: its access and refresh tokens are refused from its next request, on every server (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("authorizationId", "The consent to withdraw (OAuthClientGrant.authorizationId).")
            .ResolveAsync(async ctx =>
            {
                var id = ctx.GetArgument<string>("authorizationId").Trim();
                if (id.Length is 0 or > MaxIdLength)
                {
                    throw CertGridException.NotFound("OAuth grant", id.Length > MaxIdLength ? id[..MaxIdLength] : id);
                }

                return await Grants(ctx).WithdrawAsync(id, ctx.Caller().Actor);
            });

    /// <summary>The calling learner's own grants: the grain key comes from the key, never from an argument.</summary>
    private static ILearnerOAuthGrantsGrain Grants(IResolveFieldContext ctx) =>
        ctx.Grains().LearnerOAuthGrants(ctx.Community(), ctx.Caller().SubjectId!);
}
