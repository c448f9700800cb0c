using System.Text.Json.Nodes;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.DataIntegrity.JsonLd;
using CertGrid.Domain.Wallets;

namespace CertGrid.Api.Wallets;

/// <summary>
/// The documents a wallet reads before it asks for a credential: the credential issuer metadata (OpenID4VCI 1.0 §12.2)
/// and the OAuth 2.0 authorization server metadata (RFC 8414) of the community, which is its own authorization server.
/// </summary>
public static class WalletIssuerMetadata
{
    public const string PreAuthorizedCodeGrant = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    public static JsonObject CredentialIssuer(PublicRoutes routes, string community, string communityName) => new()
    {
        ["credential_issuer"] = routes.CredentialIssuer(community),
        ["credential_endpoint"] = routes.WalletCredential(community),
        ["display"] = new JsonArray(new JsonObject { ["name"] = communityName, ["locale"] = "en" }),
        ["credential_configurations_supported"] = new JsonObject
        {
            [WalletCredentialConfigurations.JwtConfigurationId] = Configuration(WalletCredentialConfigurations.JwtVcJson,
                new JsonArray("ES256", "RS256"), new JsonObject { ["type"] = Types() }),
            [WalletCredentialConfigurations.LdpConfigurationId] = Configuration(WalletCredentialConfigurations.LdpVc,
                new JsonArray("eddsa-rdfc-2022"),
                new JsonObject
                {
                    ["@context"] = new JsonArray(OpenBadgeDocument.VcContext, OpenBadgeDocument.ObContext, JsonLdContextStore.OpenBadgesExtensions),
                    ["type"] = Types(),
                }),
        },
    };

    public static JsonObject AuthorizationServer(PublicRoutes routes, string community) => new()
    {
        ["issuer"] = routes.CredentialIssuer(community),
        ["token_endpoint"] = routes.WalletToken(community),
        ["grant_types_supported"] = new JsonArray(PreAuthorizedCodeGrant),
        ["pre-authorized_grant_anonymous_access_supported"] = true,
        ["response_types_supported"] = new JsonArray(),
    };

    private static JsonObject Configuration(string format, JsonArray signingAlgorithms, JsonObject definition) => new()
    {
        ["format"] = format,
        ["cryptographic_binding_methods_supported"] = new JsonArray("did:jwk"),
        ["credential_signing_alg_values_supported"] = signingAlgorithms,
        ["proof_types_supported"] = new JsonObject
        {
            ["jwt"] = new JsonObject { ["proof_signing_alg_values_supported"] = new JsonArray("ES256") },
        },
        ["credential_definition"] = definition,
        ["display"] = new JsonArray(new JsonObject { ["name"] = "Open Badge", ["locale"] = "en" }),
    };

    private static JsonArray Types() => new("VerifiableCredential", "OpenBadgeCredential");
}
