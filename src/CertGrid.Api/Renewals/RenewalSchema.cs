using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Renewals;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Governance;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Renewals;

/// <summary>Lifespan policies (admin), a credential's renewal status and what it still needs (holder, admin), renewing.</summary>
public sealed class RenewalSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<LifespanPolicyType>("lifespanPolicy")
            .Description("A credential definition's lifespan policy, or null when it has none.")
            .Argument<NonNullGraphType<IdGraphType>>("credentialDefinitionId")
            .ResolveAsync(async ctx => await Definition(ctx, ctx.Caller().RequireMember()).GetLifespanPolicyAsync());

        query.Field<NonNullGraphType<RenewalStatusType>>("renewal")
            .Description("An issued credential's lifespan and what renewing it still needs (its holder, admins).")
            .Argument<NonNullGraphType<IdGraphType>>("credentialId")
            .ResolveAsync(async ctx => await ReadableAsync(ctx));
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<LifespanPolicyType>>("setLifespanPolicy")
            .Description("Sets how a credential's issued credentials live and are renewed (admin); deadlines of credentials already issued move at the next sweep. " +
                "With a steering committee, a published credential's policy changes only to the policy of its newest approved proposeLifespanPolicy.")
            .Argument<NonNullGraphType<IdGraphType>>("credentialDefinitionId")
            .Argument<NonNullGraphType<LifespanPolicyInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireAdmin();
                var policy = await Definition(ctx, community).SetLifespanPolicyAsync(ctx.GetArgument<LifespanPolicyInput>("input").ToPolicy(), caller.Actor);
                await ctx.Grains().GetGrain<IRenewalSchedulerGrain>(community).QueuePolicyRolloutAsync(ctx.GetArgument<string>("credentialDefinitionId"));
                return policy;
            });

        mutation.Field<NonNullGraphType<ProposalType>>("proposeLifespanPolicy")
            .Description("Puts a lifespan policy for a published credential, exactly as given, to the steering committee; once approved, setLifespanPolicy with the same policy applies it (admin or committee member).")
            .Argument<NonNullGraphType<IdGraphType>>("credentialDefinitionId")
            .Argument<NonNullGraphType<LifespanPolicyInputType>>("input")
            .Argument<StringGraphType>("note")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await Definition(ctx, caller.RequireProposer()).ProposeLifespanPolicyAsync(ctx.GetArgument<LifespanPolicyInput>("input").ToPolicy(),
                    ctx.GetArgument<string?>("note"), caller.Actor, caller.Person);
            });

        mutation.Field<NonNullGraphType<RenewalStatusType>>("submitRenewalEvidence")
            .Description("Offers renewal evidence for your credential: a portfolio artifact or a passed reassessment attempt (holder).")
            .Argument<NonNullGraphType<IdGraphType>>("credentialId")
            .Argument<NonNullGraphType<SubmitRenewalEvidenceInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                caller.RequireLearner();
                var renewal = await HolderOnlyAsync(ctx);
                var input = ctx.GetArgument<SubmitRenewalEvidenceInput>("input");
                return await renewal.SubmitEvidenceAsync(new SubmitRenewalEvidence(input.ArtifactId, input.AttemptId), caller.Actor);
            });

        mutation.Field<NonNullGraphType<RenewalStatusType>>("reviewRenewalEvidence")
            .Description("Accepts or rejects a holder's renewal artifact; rejecting needs a reason (admin).")
            .Argument<NonNullGraphType<IdGraphType>>("credentialId")
            .Argument<NonNullGraphType<BooleanGraphType>>("accept")
            .Argument<StringGraphType>("reason")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var renewal = Renewal(ctx, caller.RequireAdmin());
                return await renewal.ReviewEvidenceAsync(ctx.GetArgument<bool>("accept"), ctx.GetArgument<string?>("reason"), caller.Actor);
            });

        mutation.Field<NonNullGraphType<RenewalStatusType>>("renewCredential")
            .Description("Renews a credential whose window is open (or in grace) once every requirement is met: issues the new credential (holder, admin).")
            .Argument<NonNullGraphType<IdGraphType>>("credentialId")
            .ResolveAsync(async ctx => await (await ReadableGrainAsync(ctx)).RenewAsync(ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<SweepReportType>>("processRenewals")
            .Description("Processes every renewal deadline that is due now, and pending policy changes, without waiting for the next reminder tick (admin).")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IRenewalSchedulerGrain>(ctx.Caller().RequireAdmin()).SweepAsync());
    }

    private static ICredentialDefinitionGrain Definition(IResolveFieldContext ctx, string community) =>
        ctx.Grains().GetGrain<ICredentialDefinitionGrain>(ctx.Scoped(community, ctx.GetArgument<string>("credentialDefinitionId"), IdPrefixes.CredentialDefinition, "credentialDefinitionId"));

    private static IRenewalGrain Renewal(IResolveFieldContext ctx, string community) =>
        ctx.Grains().GetGrain<IRenewalGrain>(ctx.Scoped(community, ctx.GetArgument<string>("credentialId"), IdPrefixes.Credential, "credentialId"));

    /// <summary>The renewal, if the caller is an admin or the credential's holder.</summary>
    private static async Task<RenewalView> ReadableAsync(IResolveFieldContext ctx)
    {
        var caller = ctx.Caller();
        var view = await Renewal(ctx, caller.RequireMember()).GetAsync();
        return caller.IsAdmin || caller.IsLearner(view.LearnerId)
            ? view
            : throw CertGridException.Forbidden("Only the credential's holder and community admins can see or renew it.");
    }

    private static async Task<IRenewalGrain> ReadableGrainAsync(IResolveFieldContext ctx)
    {
        await ReadableAsync(ctx);
        return Renewal(ctx, ctx.Caller().Community!);
    }

    private static async Task<IRenewalGrain> HolderOnlyAsync(IResolveFieldContext ctx)
    {
        var caller = ctx.Caller();
        var renewal = Renewal(ctx, caller.RequireMember());
        return caller.IsLearner((await renewal.GetAsync()).LearnerId)
            ? renewal
            : throw CertGridException.Forbidden("Only the credential's holder can offer renewal evidence.");
    }
}
