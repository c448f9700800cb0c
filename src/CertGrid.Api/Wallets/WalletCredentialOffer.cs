using System.Text.Json.Nodes;
using CertGrid.Abstractions.Publishing;
using CertGrid.Abstractions.Wallets;
using CertGrid.Api.Publishing.CredentialPage;

namespace CertGrid.Api.Wallets;

/// <summary>
/// A credential offer as the learner's wallet receives it (OpenID4VCI 1.0 §4.1): the offer object, the
/// <c>openid-credential-offer://</c> link that carries it by value, and that link as a QR code (SVG).
/// </summary>
public sealed record WalletCredentialOffer(string OfferUri, string CredentialOfferJson, string? TransactionCode, DateTimeOffset ExpiresAt)
{
    public const string Scheme = "openid-credential-offer://";

    /// <summary>The link as a QR code, drawn only when asked for (a wallet on the same device never needs it).</summary>
    public string QrCodeSvg => PageQrCode.Draw(OfferUri);

    public static WalletCredentialOffer From(CreatedWalletOffer created, PublicRoutes routes, string community)
    {
        var grant = new JsonObject { ["pre-authorized_code"] = created.PreAuthorizedCode };
        if (created.TransactionCode is { } code)
        {
            grant["tx_code"] = new JsonObject
            {
                ["input_mode"] = "numeric",
                ["length"] = code.Length,
                ["description"] = "The code shown next to the QR code in CertGrid.",
            };
        }

        var offer = new JsonObject
        {
            ["credential_issuer"] = routes.CredentialIssuer(community),
            ["credential_configuration_ids"] = new JsonArray(created.ConfigurationIds.Select(id => (JsonNode)id).ToArray()),
            ["grants"] = new JsonObject { [WalletIssuerMetadata.PreAuthorizedCodeGrant] = grant },
        }.ToJsonString();
        var uri = $"{Scheme}?credential_offer={Uri.EscapeDataString(offer)}";
        return new WalletCredentialOffer(uri, offer, created.TransactionCode, created.ExpiresAt);
    }
}
