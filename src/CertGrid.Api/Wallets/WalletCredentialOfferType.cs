using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Wallets;

public sealed class WalletCredentialOfferType : ObjectGraphType<WalletCredentialOffer>
{
    public WalletCredentialOfferType()
    {
        Name = "WalletCredentialOffer";
        Description = "An OpenID4VCI credential offer for the learner's wallet: single use, valid for 10 minutes.";
        Field(x => x.OfferUri, nullable: false).Description("The openid-credential-offer:// link carrying the offer; open it on the device that holds the wallet.");
        Field("qrCodeSvg", x => x.QrCodeSvg, nullable: false).Description("The link as a QR code (SVG markup) for a wallet on another device to scan.");
        Field("credentialOffer", x => x.CredentialOfferJson, nullable: false).Description("The credential offer object (JSON): issuer, configurations and the pre-authorized code grant.");
        Field(x => x.TransactionCode, nullable: true).Description("The 6-digit code to type into the wallet when one was asked for; null otherwise. Shown only in this answer.");
        Field(x => x.ExpiresAt, nullable: false).Description("When the offer's code expires (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}
