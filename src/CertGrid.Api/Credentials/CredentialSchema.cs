using CertGrid.Abstractions.Credentials;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Access;
using CertGrid.Api.Retries;
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
            .Description("Verifies a credential given as a VC-JWT, as a Data Integrity credential (its JSON with an eddsa-rdfc-2022 proof, as a wallet holds it) or as its id URL: format, issuer, signature, validity period, revocation, suspension and schema. Needs no key.")
            .Authorize(AccessRules.Anyone)
            .Argument<NonNullGraphType<StringGraphType>>("credential", $"The credential: a compact VC-JWT, a Data Integrity credential's JSON, or its id URL (at most {MaxCredentialInputLength} characters).")
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
            .Description("An issued credential with its signed VC-JWT: for its holder, admins, and partners with the credentials:read scope.")
            .Authorize(AccessRules.Admins | AccessRules.PartnersWith(PartnerScopes.ReadCredentials) | AccessRules.LearnerOf<IssuedCredential>(c => c.LearnerId))
            .Argument<NonNullGraphType<IdGraphType>>("id", "The credential (vc_…).")
            .ResolveAsync(async ctx =>
            {
                var id = ctx.Id("id", IdPrefixes.Credential);
                return await ctx.Grains().Credential(ctx.Community(), id).FindAsync() ?? throw CertGridException.NotFound("Credential", id);
            });

        query.Field<NonNullGraphType<PageGraphType<CredentialSummaryType, CredentialSummary>>>("credentials")
            .Description("Issued credentials of your community (admin, partner with credentials:read), or your own (learner: the filters do not apply).")
            .Authorize(AccessRules.Admins | AccessRules.PartnersWith(PartnerScopes.ReadCredentials) | AccessRules.Learners)
            .Argument<IdGraphType>("learnerId", "Only this learner's credentials (lrn_…).")
            .Argument<IdGraphType>("signedWithKey", "Only credentials signed with this key (e.g. a compromised one, to re-issue them).")
            .Paged()
            .ResolveAsync(async ctx =>
            {
                // Malformed filters are refused for every caller, though a learner's list ignores them.
                var learnerId = ctx.GetArgument<string?>("learnerId") is { } named ? EntityId.Require(named, IdPrefixes.Learner, "learnerId") : null;
                var signedWith = ctx.GetArgument<string?>("signedWithKey") is { } key ? InputRules.RequireText(key, "signedWithKey", 100) : null;
                var index = ctx.Grains().GetGrain<ICredentialIndexGrain>(ctx.Community());
                if (ctx.Caller().Role == Role.Learner)
                {
                    return await index.ListForLearnerAsync(ctx.OwnLearnerId(), ctx.Page());
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
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain() // Each sets a status; a second run finds it set and changes nothing.
            .Argument<NonNullGraphType<IdGraphType>>("id", "The credential (vc_…).")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why; kept in the audit log and shown in the credential's status.")
            .ResolveAsync(async ctx =>
            {
                var changed = await change(ctx.Grains().Credential(ctx.Community(), ctx.Id("id", IdPrefixes.Credential)), ctx.GetArgument<string>("reason"), ctx.Caller().Actor);

                // The status list may live on another silo, whose announcement reaches this gateway through Redis only
                // after this answer: results this gateway cached end here, before the caller can verify again.
                ctx.Service<VerificationEpoch>().Advance();
                return changed;
            });
}
