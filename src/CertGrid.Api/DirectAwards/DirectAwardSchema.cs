using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.DirectAwards;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Credentials;
using CertGrid.Api.Programs;
using CertGrid.Abstractions.Programs;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using CertGrid.Domain.DirectAwards;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.DirectAwards;

/// <summary>Automatic issuance from the community's systems: the awardCredential mutation and the award hook's secret (admin).</summary>
public sealed class DirectAwardSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<AwardHookType>>("awardHook")
            .Description("The community's award webhook: its path and whether a secret exists (admin). The secret itself is shown only when created or rotated.")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().AwardHook(ctx.Community()).GetAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<IssuedCredentialType>>("awardCredential")
            .Description("Awards a credential whose definition allows direct award, on completion of something outside CertGrid (admin). Idempotent by "
                + "externalId: the same award again answers the same credential; another award under the same externalId is CONFLICT.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain() // The credential's id derives from the external id: a second run meets the credential the first issued.
            .Argument<NonNullGraphType<AwardCredentialInputType>>("input", "The credential, the learner, your external id and source, and evidence links.")
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var award = DirectAwardRules.Validate(ctx.GetArgument<AwardCredentialInput>("input").ToAward());
                return await ctx.Grains().Credential(community, DirectAwardIdentity.CredentialId(community, award.ExternalId))
                    .AwardDirectlyAsync(award, ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<CredentialDefinitionType>>("setDirectAwardPolicy")
            .Description("Allows or stops awarding a credential directly (admin), also once published; with a steering committee, a published credential's "
                + "policy does not change here (POLICY_VIOLATION): it is approved with a new definition. Credentials already awarded stay.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain() // Sets a value; a second run finds it set and changes nothing.
            .Argument<NonNullGraphType<IdGraphType>>("id", "The credential definition (def_…).")
            .Argument<NonNullGraphType<BooleanGraphType>>("allowed", "True allows awardCredential and the award webhook for it; false stops them.")
            .ResolveAsync(async ctx => await ctx.Grains().CredentialDefinition(ctx.Community(), ctx.Id("id", IdPrefixes.CredentialDefinition))
                .SetDirectAwardAsync(ctx.GetArgument<bool>("allowed"), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<AwardHookSecretType>>("createAwardHookSecret")
            .Description("Creates the secret the community's systems sign award webhooks with, and shows it once (admin). CONFLICT when one exists: rotate it instead.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain() // The secret is kept, encrypted, with the change's write: a run again answers the same secret.
            .ResolveAsync(async ctx => await ctx.Grains().AwardHook(ctx.Community()).CreateSecretAsync(ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<AwardHookSecretType>>("rotateAwardHookSecret")
            .Description($"Replaces the award hook secret and shows the new one once (admin); the previous one keeps verifying for {AwardHookOverlap.PreviousSecretValidFor.TotalHours:0} hours so your systems can switch.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain() // As createAwardHookSecret: the rotation and its answer are one write.
            .ResolveAsync(async ctx => await ctx.Grains().AwardHook(ctx.Community()).RotateSecretAsync(ctx.Caller().Actor));
    }
}
