using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Partners;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Partners;
using CertGrid.Api.Retries;
using CertGrid.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Consents;

/// <summary>
/// Learners' consents to partners (give, list, withdraw), their "who looked at my data" log and messages, and a
/// partner's read of a credential shared with it.
/// </summary>
public sealed class ConsentSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsentRecordType>>>>("myConsents")
            .Description("Your consents to partners, newest first, withdrawn ones included (learner).")
            .Expect(5)
            .Authorize(AccessRules.Learners)
            .ResolveAsync(async ctx => await ctx.Grains().LearnerConsents(ctx.Community(), ctx.OwnLearnerId()).ListAsync());

        query.Field<NonNullGraphType<PageGraphType<PartnerAccessEntryType, PartnerAccessEntry>>>("partnerAccessLog")
            .Description("Who looked at your data: every time a partner organisation saw you in talent search or read a credential you shared, newest first (learner).")
            .Authorize(AccessRules.Learners)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IPartnerAccessLogGrain>(ctx.Community()).ListAsync(ctx.OwnLearnerId(), false, ctx.Page()));

        query.Field<NonNullGraphType<PageGraphType<PartnerAccessEntryType, PartnerAccessEntry>>>("partnerMessages")
            .Description("Messages partner organisations sent you through CertGrid, newest first (learner).")
            .Authorize(AccessRules.Learners)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IPartnerAccessLogGrain>(ctx.Community()).ListAsync(ctx.OwnLearnerId(), true, ctx.Page()));

        query.Field<NonNullGraphType<SharedCredentialType>>("sharedCredential")
            .Description("A credential its holder shared with your organisation (partner organisation key, with a credentials:read grant of its community). "
                + "NOT_FOUND when it does not exist, was not shared with you, the consent was withdrawn, or the grant is missing, expired or revoked. Every read is logged for the holder.")
            .Authorize(AccessRules.PartnerOrganisations)
            .Argument<NonNullGraphType<StringGraphType>>("community", "The community that issued it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The credential (vc_…).")
            .ResolveAsync(async ctx =>
            {
                var community = CommunityId.Require(ctx.GetArgument<string>("community"), "community");
                var id = ctx.Id("id", IdPrefixes.Credential);
                var caller = ctx.Caller();
                var credential = ctx.Reaches(community, PartnerScopes.ReadCredentials)
                    ? await ctx.Grains().Credential(community, id).FindAsync()
                    : null;
                if (credential is null || !(await ctx.Grains().LearnerConsents(community, credential.LearnerId).SharedWithAsync(caller.SubjectId!)).Contains(id))
                {
                    throw CertGridException.NotFound("Credential", id);
                }

                await ctx.Grains().GetGrain<IPartnerAccessLogGrain>(community).RecordAsync(
                    [new PartnerAccessEntry(credential.LearnerId, caller.SubjectId!, caller.PartnerName!, PartnerAccessKind.ReadSharedCredential, credential.AchievementName, ctx.DomainNow())]);
                return credential;
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<ConsentRecordType>>("becomeDiscoverable")
            .Description("Lets partner organisations granted talent search by your community find you, on the terms given; replaces your earlier terms (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<BecomeDiscoverableInputType>>("input", "What you can be found for and what partners see.")
            .ResolveAsync(async ctx => await ctx.Grains().LearnerConsents(ctx.Community(), ctx.OwnLearnerId())
                .BecomeDiscoverableAsync(ctx.GetArgument<BecomeDiscoverableInput>("input").ToTerms()));

        mutation.Field<NonNullGraphType<ConsentRecordType>>("shareCredentialWithPartner")
            .Description("Shares one of your credentials with one partner organisation until you withdraw it (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "Your credential (vc_…).")
            .Argument<NonNullGraphType<IdGraphType>>("partnerId", "The partner organisation (ptn_…).")
            .ResolveAsync(async ctx =>
            {
                var partner = await ctx.Grains().GetGrain<IPartnerGrain>(ctx.Id("partnerId", IdPrefixes.Partner)).GetAsync();
                return await ctx.Grains().LearnerConsents(ctx.Community(), ctx.OwnLearnerId())
                    .ShareCredentialAsync(ctx.GetArgument<string>("credentialId"), partner.Id, partner.Name);
            });

        mutation.Field<NonNullGraphType<ConsentRecordType>>("withdrawConsent")
            .Description("Withdraws a consent: from your next request on, no partner sees what it allowed, through any gateway (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The consent (cns_…).")
            .ResolveAsync(async ctx => await ctx.Grains().LearnerConsents(ctx.Community(), ctx.OwnLearnerId()).WithdrawAsync(ctx.Id("id", IdPrefixes.Consent)));
    }
}
