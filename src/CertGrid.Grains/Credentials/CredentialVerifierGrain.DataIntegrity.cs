using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.DataIntegrity;
using CertGrid.Domain.Credentials.DataIntegrity.Keys;
using CertGrid.Grains.Credentials.StatusLists;
using static CertGrid.Domain.Credentials.CheckOutcome;
using static CertGrid.Domain.Credentials.VerificationChecks;

namespace CertGrid.Grains.Credentials;

/// <summary>
/// Credentials secured with an <c>eddsa-rdfc-2022</c> Data Integrity proof, as wallets hold them: the same checks as a
/// VC-JWT's, the signature checked against the issuing community's Ed25519 keys (its did:web Multikeys).
/// </summary>
public sealed partial class CredentialVerifierGrain
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private TokenFacts AnalyseDataIntegrity(string json)
    {
        JsonObject? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: DocumentOptions) as JsonObject;
        }
        catch (JsonException)
        {
            document = null;
        }

        if (document is null)
        {
            return new TokenFacts { FormatProblem = "the text starts like JSON but is not a JSON object" };
        }

        if (document["proof"] is not JsonObject proof || Text(proof["type"]) != EddsaRdfc2022.ProofType || Text(proof["cryptosuite"]) != EddsaRdfc2022.CryptosuiteName)
        {
            return new TokenFacts { FormatProblem = $"the credential carries no single {EddsaRdfc2022.ProofType} proof with cryptosuite {EddsaRdfc2022.CryptosuiteName} (this verifier checks those and VC-JWTs)" };
        }

        var issuer = document["issuer"] is JsonObject profile ? Text(profile["id"]) : Text(document["issuer"]);
        var ours = routes.TryParseIssuer(issuer, out var community) && routes.TryParseCredential(Text(document["id"]), out var key) && key.Value.Community == community;
        return new TokenFacts
        {
            DataIntegrity = document,
            IssuerId = issuer,
            ValidFrom = Timestamp(document["validFrom"]),
            ValidUntil = Timestamp(document["validUntil"]),
            Credential = ours && routes.TryParseCredential(Text(document["id"]), out var credential) ? credential : null,
            StatusEntries = CredentialStatusEntries.Read(document["credentialStatus"]),
            SchemaProblems = OpenBadgeShape.FindProblems(document),
        };
    }

    private async Task<VerificationResult> VerifyDataIntegrityAsync(TokenFacts token)
    {
        var checks = new List<VerificationCheck> { new(Format, Passed, $"a Data Integrity credential ({EddsaRdfc2022.CryptosuiteName})") };
        if (token.Credential is not { } key)
        {
            checks.Add(new(Issuer, Failed, $"'{token.IssuerId}' is not an issuer of this CertGrid deployment"));
            return VerificationResult.From(WithSkipped(checks), null);
        }

        return await CompleteAsync(checks, token, key, await CheckDataIntegrityAsync(token, key.Community));
    }

    /// <summary>The canonicalisation and the cryptography run once per document; the community's keys never change meaning.</summary>
    private async Task<SignatureOutcome> CheckDataIntegrityAsync(TokenFacts token, string community)
    {
        if (token.Signature is { } known)
        {
            return known;
        }

        var published = (await GrainFactory.GetGrain<IIssuerGrain>(community).GetMultikeysAsync())
            .Select(k => routes.DidVerificationMethod(community, k.PublicKeyMultibase)).ToHashSet(StringComparer.Ordinal);
        var check = EddsaRdfc2022.Bundled.Verify(token.DataIntegrity!, method =>
            published.Contains(method) ? Ed25519Multikey.ImportPublicKey(method[(method.IndexOf('#') + 1)..]) : null);
        return token.Signature = new SignatureOutcome(check.Verified, check.Verified ? $"an {EddsaRdfc2022.CryptosuiteName} proof by {check.VerificationMethod}" : check.Reason);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static DateTimeOffset? Timestamp(JsonNode? node) =>
        DateTimeOffset.TryParse(Text(node), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
