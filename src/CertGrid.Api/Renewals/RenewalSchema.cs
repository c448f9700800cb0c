using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Renewals;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.Programs;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Governance;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Renewals;

/// <summary>Lifespan policies (admin), a credential's renewal status and what it still needs (holder, admin), renewing.</summary>
public sealed class RenewalSchema : ISchemaContributor
{
    /// <summary>The holder of the credential the 'credentialId' argument names, loaded before a mutation changes its renewal.</summary>
    private static readonly AccessRule Holder = new LoadingRule<RenewalView>("the credential holder's key",
        ctx => Renewal(ctx).GetAsync(), (caller, renewal) => caller.IsLearner(renewal.LearnerId));

    public void AddQueries(RootQuery query)
    {
        query.Field<LifespanPolicyType>("lifespanPolicy")
            .Description("A credential definition's lifespan policy (validity, renewal window, grace, requirements), or null when it has none. " +
                "A draft credential's policy is for admins only; other keys are told it was not found.")
            .AuthorizeOrNotFound(ProgramAccess.PublishedDefinitionNamedBy("credentialDefinitionId"), "Credential", "credentialDefinitionId")
            .Argument<NonNullGraphType<IdGraphType>>("credentialDefinitionId", "The credential definition (def_…).")
            .ResolveAsync(async ctx => await Definition(ctx).GetLifespanPolicyAsync());

        query.Field<NonNullGraphType<RenewalStatusType>>("renewal")
            .Description("An issued credential's lifespan and what renewing it still needs (its holder, admins).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerOf<RenewalView>(r => r.LearnerId))
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "The issued credential (vc_…).")
            .ResolveAsync(async ctx => await Renewal(ctx).GetAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<LifespanPolicyType>>("setLifespanPolicy")
            .Description("Sets how a credential's issued credentials live and are renewed; deadlines of credentials already issued move at the next sweep. " +
                "With a steering committee, a published credential's policy changes only to the policy of its newest approved proposeLifespanPolicy.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("credentialDefinitionId", "The credential definition (def_…).")
            .Argument<NonNullGraphType<LifespanPolicyInputType>>("input", "The whole lifespan policy.")
            .ResolveAsync(async ctx =>
            {
                var policy = await Definition(ctx).SetLifespanPolicyAsync(ctx.GetArgument<LifespanPolicyInput>("input").ToPolicy(), ctx.Caller().Actor);
                await ctx.Grains().GetGrain<IRenewalSchedulerGrain>(ctx.Community()).QueuePolicyRolloutAsync(ctx.Id("credentialDefinitionId", IdPrefixes.CredentialDefinition));
                return policy;
            });

        mutation.Field<NonNullGraphType<ProposalType>>("proposeLifespanPolicy")
            .Description("Puts a lifespan policy for a published credential, exactly as given, to the steering committee; once approved, setLifespanPolicy with the same policy applies it (admins, or committee members: the committee checks the seat).")
            .Authorize(AccessRules.Proposers)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("credentialDefinitionId", "The credential definition (def_…).")
            .Argument<NonNullGraphType<LifespanPolicyInputType>>("input", "The policy proposed, as setLifespanPolicy would take it.")
            .Argument<StringGraphType>("note", "Why you propose it, for the committee.")
            .ResolveAsync(async ctx => await Definition(ctx).ProposeLifespanPolicyAsync(ctx.GetArgument<LifespanPolicyInput>("input").ToPolicy(),
                ctx.GetArgument<string?>("note"), ctx.Caller().Actor, ctx.Caller().Person));

        mutation.Field<NonNullGraphType<RenewalStatusType>>("submitRenewalEvidence")
            .Description("Offers renewal evidence for your credential: a portfolio artifact or a passed reassessment attempt.")
            .Authorize(Holder)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "Your issued credential (vc_…).")
            .Argument<NonNullGraphType<SubmitRenewalEvidenceInputType>>("input", "The artifact or attempt offered.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<SubmitRenewalEvidenceInput>("input");
                return await Renewal(ctx).SubmitEvidenceAsync(new SubmitRenewalEvidence(input.ArtifactId, input.AttemptId), ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<RenewalStatusType>>("reviewRenewalEvidence")
            .Description("Accepts or rejects a holder's renewal artifact; rejecting needs a reason.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "The issued credential (vc_…).")
            .Argument<NonNullGraphType<BooleanGraphType>>("accept", "True to accept the artifact, false to reject it.")
            .Argument<StringGraphType>("reason", "Why it is rejected (required when rejecting); the holder sees it.")
            .ResolveAsync(async ctx => await Renewal(ctx).ReviewEvidenceAsync(ctx.GetArgument<bool>("accept"), ctx.GetArgument<string?>("reason"), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<RenewalStatusType>>("renewCredential")
            .Description("Renews a credential whose window is open (or in grace) once every requirement is met: issues the new credential.")
            .Authorize(AccessRules.Admins | Holder)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "The issued credential (vc_…).")
            .ResolveAsync(async ctx => await Renewal(ctx).RenewAsync(ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<SweepReportType>>("processRenewals")
            .Description("Processes every renewal deadline that is due now, and pending policy changes, without waiting for the next reminder tick.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IRenewalSchedulerGrain>(ctx.Community()).SweepAsync());
    }

    private static ICredentialDefinitionGrain Definition(IResolveFieldContext ctx) =>
        ctx.Grains().CredentialDefinition(ctx.Community(), ctx.Id("credentialDefinitionId", IdPrefixes.CredentialDefinition));

    private static IRenewalGrain Renewal(IResolveFieldContext ctx) =>
        ctx.Grains().Renewal(ctx.Community(), ctx.Id("credentialId", IdPrefixes.Credential));
}
