using CertGrid.Abstractions.Credentials;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Credentials;

/// <summary>Issued credentials: the holder, admins and scoped partners read them; anyone verifies them; admins revoke.</summary>
public sealed class CredentialSchema : ISchemaContributor
{
    public const int MaxCredentialInputLength = 100_000;

    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<VerificationResultType>>("verifyCredential")
            .Description("Verifies a credential given as a VC-JWT or as its id URL. Needs no key.")
            .Argument<NonNullGraphType<StringGraphType>>("credential")
            .ResolveAsync(async ctx =>
            {
                var credential = InputRules.RequireText(ctx.GetArgument<string>("credential"), "credential", MaxCredentialInputLength);

                var (result, reusableUntil) = await ctx.Service<VerificationCache>().VerifyReusableAsync(credential);
                if (reusableUntil is { } until)
                {
                    ctx.ResponseCache()?.Cacheable(until);
                }

                return result;
            });

        query.Field<NonNullGraphType<IssuedCredentialType>>("credential")
            .Description("An issued credential: for its holder, admins, and partners with the credentials:read scope.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var key = ctx.Scoped(caller.RequireMember(), ctx.GetArgument<string>("id"), IdPrefixes.Credential, "id");
                var credential = await ctx.Grains().GetGrain<ICredentialGrain>(key).FindAsync()
                    ?? throw CertGridException.NotFound("Credential", ctx.GetArgument<string>("id"));
                return caller.IsAdmin || caller.IsLearner(credential.LearnerId) || caller.IsPartnerWith(PartnerScopes.ReadCredentials)
                    ? credential
                    : throw CertGridException.Forbidden("Only the holder, community admins and partners with the credentials:read scope can read a credential.");
            });

        query.Field<NonNullGraphType<PageGraphType<CredentialSummaryType, CredentialSummary>>>("credentials")
            .Description("Issued credentials of your community (admin, partner with credentials:read), or your own (learner).")
            .Argument<IdGraphType>("learnerId", "Only this learner's credentials.")
            .Argument<IdGraphType>("signedWithKey", "Only credentials signed with this key (e.g. a compromised one, to re-issue them).")
            .Paged()
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireMember();
                var learnerId = ctx.GetArgument<string?>("learnerId") is { } named ? EntityId.Require(named, IdPrefixes.Learner, "learnerId") : null;
                var signedWith = ctx.GetArgument<string?>("signedWithKey") is { } key ? InputRules.RequireText(key, "signedWithKey", 100) : null;
                var index = ctx.Grains().GetGrain<ICredentialIndexGrain>(community);
                if (caller.Role == Role.Learner)
                {
                    if ((learnerId is not null && learnerId != caller.SubjectId) || signedWith is not null)
                    {
                        throw CertGridException.Forbidden("A learner key lists the learner's own credentials only, without a signing-key filter.");
                    }

                    return await index.ListForLearnerAsync(caller.SubjectId!, ctx.Page());
                }

                if (!caller.IsAdmin && !caller.IsPartnerWith(PartnerScopes.ReadCredentials))
                {
                    throw CertGridException.Forbidden("Listing credentials needs an admin key or a partner key with the credentials:read scope.");
                }

                if (signedWith is not null)
                {
                    return await index.ListSignedWithAsync(signedWith, ctx.Page());
                }

                return learnerId is null
                    ? await index.ListAsync(ctx.Page())
                    : await index.ListForLearnerAsync(learnerId, ctx.Page());
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        AddStatusChange(mutation, "revokeCredential", "Revokes a credential for good, with a reason that is audited (admin).",
            (credential, reason, actor) => credential.RevokeAsync(reason, actor));
        AddStatusChange(mutation, "suspendCredential", "Suspends a credential until it is reinstated, with a reason that is audited (admin).",
            (credential, reason, actor) => credential.SuspendAsync(reason, actor));
        AddStatusChange(mutation, "unsuspendCredential", "Lifts a suspension, with a reason that is audited (admin).",
            (credential, reason, actor) => credential.UnsuspendAsync(reason, actor));
    }

    private static void AddStatusChange(RootMutation mutation, string name, string description, Func<ICredentialGrain, string, string, Task<IssuedCredential>> change) =>
        mutation.Field<NonNullGraphType<IssuedCredentialType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var key = ctx.Scoped(caller.RequireAdmin(), ctx.GetArgument<string>("id"), IdPrefixes.Credential, "id");
                return await change(ctx.Grains().GetGrain<ICredentialGrain>(key), ctx.GetArgument<string>("reason"), caller.Actor);
            });
}
