using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Credentials;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Communities;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Credentials;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Credentials;

/// <summary>The community as an issuer: its profile and signing keys (rotation, compromise), and re-issuing (admin).</summary>
public sealed class IssuerSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        AddSigningKeysQuery(query);
        AddProofFormatQuery(query);
    }

    private static void AddSigningKeysQuery(RootQuery query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SigningKeyType>>>>("signingKeys")
            .Description("Your community's signing keys, active, rotated and compromised (admin).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IIssuerGrain>(ctx.Community()).GetPublicKeysAsync());

    private static void AddProofFormatQuery(RootQuery query) =>
        query.Field<NonNullGraphType<CredentialProofFormatType>>("credentialProofFormat")
            .Description("How your community's new credentials are secured: VC-JWT, Data Integrity (eddsa-rdfc-2022) or both (admin).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IIssuerGrain>(ctx.Community()).GetProofFormatAsync());

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<CommunityType>>("updateIssuerProfile")
            .Description("Changes the issuer profile (name, description, url, email, image) used in credentials issued from now on (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<UpdateIssuerProfileInputType>>("input", "The profile fields to change; those left out stay as they are.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await ctx.Grains().GetGrain<ICommunityGrain>(ctx.Community())
                    .UpdateProfileAsync(ctx.GetArgument<UpdateIssuerProfileInput>("input").ToCommand(), caller.Actor);
            });

        mutation.Field<NonNullGraphType<SigningKeyType>>("rotateSigningKey")
            .Description("Creates a new signing key that signs from now on; earlier keys stay published so earlier credentials keep verifying (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<SigningAlgorithmType>>("algorithm", "The new key's algorithm (ES256 or RS256).")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await ctx.Grains().GetGrain<IIssuerGrain>(ctx.Community()).RotateAsync(ctx.GetArgument<SigningAlgorithm>("algorithm"), caller.Actor);
            });

        mutation.Field<NonNullGraphType<CredentialProofFormatType>>("setCredentialProofFormat")
            .Description("Chooses how credentials issued from now on are secured; audited. Credentials issued earlier keep their form (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<CredentialProofFormatType>>("format", "VC_JWT, DATA_INTEGRITY or VC_JWT_AND_DATA_INTEGRITY.")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IIssuerGrain>(ctx.Community())
                .SetProofFormatAsync(ctx.GetArgument<CredentialProofFormat>("format"), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<SigningKeyType>>("retireCompromisedSigningKey")
            .Description("Withdraws a compromised key: it is unpublished, what it signed fails verification and needs re-issue (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("keyId", "The compromised key's id ('kid').")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "What happened; kept in the audit log.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await ctx.Grains().GetGrain<IIssuerGrain>(ctx.Community())
                    .RetireCompromisedAsync(ctx.GetArgument<string>("keyId"), ctx.GetArgument<string>("reason"), caller.Actor);
            });

        mutation.Field<NonNullGraphType<IssuedCredentialType>>("reissueCredential")
            .Description("Issues a credential again with the current key and new status entries, and revokes the old one with the reason (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The credential to re-issue (vc_…).")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why, for the audit log; the old credential is revoked with it.")
            .ResolveAsync(async ctx =>
            {
                return await ctx.Grains().Credential(ctx.Community(), ctx.Id("id", IdPrefixes.Credential)).ReissueAsync(ctx.GetArgument<string>("reason"), ctx.Caller().Actor);
            });
    }
}
