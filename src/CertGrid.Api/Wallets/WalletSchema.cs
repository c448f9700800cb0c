using CertGrid.Abstractions.Publishing;
using CertGrid.Abstractions.Wallets;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Wallets;

/// <summary>A learner sends one of their credentials to a wallet: an OpenID4VCI credential offer as a link and a QR code.</summary>
public sealed class WalletSchema(PublicRoutes routes) : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
    }

    public void AddMutations(RootMutation mutation) =>
        mutation.Field<NonNullGraphType<WalletCredentialOfferType>>("offerCredentialToWallet")
            .Description("Offers one of your credentials to your wallet over OpenID4VCI (pre-authorized code): scan the QR code or open the link in the wallet within 10 minutes; it works once (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "Your credential to send (vc_…).")
            .Argument<BooleanGraphType>("withTransactionCode", "Also require a 6-digit transaction code, shown only to you, that you type into the wallet (default false).")
            .ResolveAsync(async ctx =>
            {
                // A retry under the same idempotency key gets the same offer with a new code: only the first answer carried the code.
                var community = ctx.Community();
                var created = await ctx.CreateOnceAsync(IdPrefixes.WalletOffer,
                    id => ctx.Grains().CredentialOffer(community, id)
                        .CreateAsync(ctx.OwnLearnerId(), ctx.Id("credentialId", IdPrefixes.Credential), ctx.GetArgument("withTransactionCode", false)),
                    id => ctx.Grains().CredentialOffer(community, id).RenewCodeAsync(ctx.OwnLearnerId()));
                return WalletCredentialOffer.From(created, routes, community);
            });
}
