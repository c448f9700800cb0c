using CertGrid.Abstractions.Partners;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using CertGrid.Domain.Partners;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Partners;

/// <summary>
/// Partner organisations: the operator registers them and issues their first key; a community admin grants or revokes
/// access to their community; the partner reads itself and rotates its keys.
/// </summary>
public sealed class PartnerSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<PageGraphType<PartnerType, PartnerProfile>>>("partners")
            .Description("Every registered partner organisation (operator).")
            .Authorize(AccessRules.Operator)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IPartnerDirectoryGrain>(IPartnerDirectoryGrain.Platform).ListPartnersAsync(ctx.Page()));

        query.Field<NonNullGraphType<PartnerType>>("partnerOrganisation")
            .Description("The calling partner organisation: its profile, keys and grants (partner organisation key).")
            .Authorize(AccessRules.PartnerOrganisations)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IPartnerGrain>(ctx.Caller().SubjectId!).GetAsync());

        query.Field<NonNullGraphType<PageGraphType<CommunityPartnerGrantType, CommunityPartnerGrant>>>("partnerGrants")
            .Description("The grants your community gave partner organisations, revoked and expired ones included (admin).")
            .Authorize(AccessRules.Admins)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IPartnerDirectoryGrain>(IPartnerDirectoryGrain.Platform).ListGrantsAsync(ctx.Community(), ctx.Page()));
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<IssuedPartnerKeyType>>("registerPartner")
            .Description("Registers a partner organisation and issues its first key, valid for a year (operator). The token is in the answer only.")
            .Authorize(AccessRules.Operator)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<RegisterPartnerInputType>>("input", "The organisation.")
            .ResolveAsync(async ctx =>
            {
                var partner = ctx.Grains().GetGrain<IPartnerGrain>(ctx.NewEntityId(IdPrefixes.Partner));
                await partner.RegisterAsync(ctx.GetArgument<RegisterPartnerInput>("input").ToCommand(), ctx.Caller().Actor);
                return await partner.IssueKeyAsync("First key", null, ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<IssuedPartnerKeyType>>("issuePartnerKey")
            .Description("Issues another key to rotate to (the partner itself, or the operator naming the partner); revoke the old one once switched.")
            .Authorize(AccessRules.PartnerOrganisations | AccessRules.Operator)
            .SafeToRunAgain()
            .Argument<IdGraphType>("partnerId", "Operator only: the partner (ptn_…). A partner key issues for its own organisation.")
            .Argument<NonNullGraphType<StringGraphType>>("label", "What the key is for.")
            .Argument<DateTimeOffsetGraphType>("expiresAt", "When it stops working (at most 366 days away; a year when left out).")
            .ResolveAsync(async ctx => await Partner(ctx).IssueKeyAsync(ctx.GetArgument<string>("label"), ctx.GetArgument<DateTimeOffset?>("expiresAt"), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<PartnerKeyType>>("revokePartnerKey")
            .Description("Revokes a partner key; requests with it are refused as UNAUTHENTICATED from the next one on, through every gateway.")
            .Authorize(AccessRules.PartnerOrganisations | AccessRules.Operator)
            .SafeToRunAgain()
            .Argument<IdGraphType>("partnerId", "Operator only: the partner (ptn_…).")
            .Argument<NonNullGraphType<IdGraphType>>("keyId", "The key (pky_…).")
            .ResolveAsync(async ctx => await Partner(ctx).RevokeKeyAsync(ctx.Id("keyId", IdPrefixes.PartnerKey), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<PartnerGrantType>>("grantPartnerAccess")
            .Description("Grants a partner organisation access to your community with scopes until an expiry, replacing an earlier grant (admin). It then sees only what learners consent to.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("partnerId", "The partner (ptn_…).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes", "credentials:read and/or talent:search.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt", "When the grant stops admitting anything (at most three years away).")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IPartnerGrain>(ctx.Id("partnerId", IdPrefixes.Partner))
                .GrantAsync(ctx.Community(), ctx.GetArgument<List<string>>("scopes"), ctx.GetArgument<DateTimeOffset>("expiresAt"), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<PartnerGrantType>>("revokePartnerAccess")
            .Description("Revokes your community's grant to a partner organisation (admin): from its next request it reaches nothing of your community.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("partnerId", "The partner (ptn_…).")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IPartnerGrain>(ctx.Id("partnerId", IdPrefixes.Partner)).RevokeGrantAsync(ctx.Community(), ctx.Caller().Actor));
    }

    /// <summary>The partner a key mutation is about: the calling partner's own, or the one the operator names.</summary>
    private static IPartnerGrain Partner(IResolveFieldContext ctx) => ctx.Grains().GetGrain<IPartnerGrain>(
        ctx.Caller().Kind == Access.CallerKind.Partner ? ctx.Caller().SubjectId! : ctx.Id("partnerId", IdPrefixes.Partner));
}
