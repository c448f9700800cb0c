using System.Text.Json.Nodes;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.DataIntegrity.JsonLd;
using CertGrid.Domain.Wallets;

namespace CertGrid.Grains.Credentials;

/// <summary>The credential signed for a holder's wallet key, and its Data Integrity form.</summary>
public sealed partial class CredentialGrain
{
    public async Task<string> HolderBoundAsync(string holderId, string format)
    {
        RequireIssued();
        if (State.HolderErasedAt is not null || State.Status == CredentialStatus.Revoked)
        {
            throw CertGridException.Conflict($"Credential '{Key.Id}' is revoked and is no longer issued to wallets.");
        }

        var offersFormat = format == WalletCredentialConfigurations.LdpVc ? State.ProofFormat.OffersDataIntegrity() : State.ProofFormat.OffersJwt();
        if (!offersFormat)
        {
            throw CertGridException.Conflict($"Credential '{Key.Id}' was not issued in the {format} format.");
        }

        var document = JsonNode.Parse(State.DocumentJson)!.AsObject();
        document["credentialSubject"]!["id"] = holderId;
        var issuer = GrainFactory.GetGrain<IIssuerGrain>(Community);
        return format == WalletCredentialConfigurations.LdpVc
            ? await SignDataIntegrityAsync(issuer, document)
            : (await issuer.SignJwtAsync(JwtPayload(document, holderId, State.ValidFrom, State.ValidUntil).ToJsonString())).Compact;
    }

    /// <summary>The credential with an eddsa-rdfc-2022 proof by the community's did:web key.</summary>
    private static Task<string> SignDataIntegrityAsync(IIssuerGrain issuer, JsonObject document)
    {
        // The OB extensions context defines the credentialSchema type; JSON-LD processing refuses undefined terms.
        var unsecured = (JsonObject)document.DeepClone();
        unsecured["@context"]!.AsArray().Add(JsonLdContextStore.OpenBadgesExtensions);
        return issuer.SignDataIntegrityAsync(unsecured.ToJsonString());
    }
}
