using CertGrid.Abstractions.Consents.PublicLinks;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Consents.PublicLinks;

/// <summary>Consent (a) "or as a public link": a learner shares one credential through an unguessable URL and revokes it. See docs/privacy.md.</summary>
public sealed class PublicLinkSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PublicLinkType>>>>("myPublicLinks")
            .Description("Your public links to your credentials, newest first, revoked ones included (learner).")
            .Expect(5)
            .Authorize(AccessRules.Learners)
            .ResolveAsync(async ctx => await ctx.Grains().PublicLinks(ctx.Community(), ctx.OwnLearnerId()).ListAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<PublicLinkType>>("createPublicLink")
            .Description("Creates a public link to one of your credentials: anyone with its URL sees the credential's page, with only what you made public "
                + "(your name only if you publish a profile URL, evidence only if you made it public). At most 50 active links (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "One of your credentials (vc_…).")
            .ResolveAsync(async ctx => await ctx.Grains().PublicLinks(ctx.Community(), ctx.OwnLearnerId())
                .CreateAsync(ctx.NewEntityId(IdPrefixes.PublicLink), ctx.Id("credentialId", IdPrefixes.Credential)));

        mutation.Field<NonNullGraphType<PublicLinkType>>("revokePublicLink")
            .Description("Revokes a public link: from the next request on, through every gateway, its URL answers 404 (learner). Revoking again changes nothing.")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The link (pln_…).")
            .ResolveAsync(async ctx => await ctx.Grains().PublicLinks(ctx.Community(), ctx.OwnLearnerId()).RevokeAsync(ctx.Id("id", IdPrefixes.PublicLink)));
    }
}
