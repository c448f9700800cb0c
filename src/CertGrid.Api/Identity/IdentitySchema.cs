using CertGrid.Abstractions.Identity;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using CertGrid.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Identity;

/// <summary>Sign-in with the community's OpenID Connect provider: admins configure it and invite people; anyone reads where to sign in.</summary>
public sealed class IdentitySchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<IdentityProviderType>("identityProvider")
            .Description("Your community's identity provider and role mapping (admin); null when members sign in with API keys only.")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().IdentityProvider(ctx.Community()).GetAsync());

        query.Field<SignInProviderType>("signInProvider")
            .Description("Where members of a community sign in (public, for sign-in pages); null when the community has no identity provider (or does not exist).")
            .Authorize(AccessRules.Anyone)
            .Argument<NonNullGraphType<IdGraphType>>("community", "The community's id.")
            .ResolveAsync(async ctx =>
            {
                var community = CommunityId.Require(ctx.GetArgument<string>("community"), "community");
                return await ctx.Grains().IdentityProvider(community).GetAsync();
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<IdentityProviderType>>("configureIdentityProvider")
            .Description("Sets your community's OpenID Connect provider: from then on its access tokens are accepted as bearer tokens beside API keys. " +
                         "CONFLICT when another community already accepts the same issuer and audience.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<ConfigureIdentityProviderInputType>>("input", "The provider, the audience and client registered for CertGrid, and the role mapping.")
            .ResolveAsync(async ctx => await ctx.Grains().IdentityProvider(ctx.Community())
                .ConfigureAsync(ctx.GetArgument<ConfigureIdentityProviderInput>("input").ToSettings(), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<MemberInvitationType>>("inviteMember")
            .Description("Invites a person to sign in as a learner or evaluator: their first sign-in with this verified email links to that record " +
                         "(without an invitation, a first sign-in links to the one member enrolled with the verified email).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<InviteMemberInputType>>("input", "The email, the role and the learner or evaluator.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<InviteMemberInput>("input");
                var invitation = new MemberInvitation(input.Email, input.Role, input.SubjectId, default);
                return await ctx.Grains().IdentityProvider(ctx.Community()).InviteAsync(invitation, ctx.Caller().Actor);
            });
    }
}
