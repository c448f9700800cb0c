using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CertGrid.Domain.Credentials.DataIntegrity.JsonLd;
using CertGrid.Domain.Credentials.DataIntegrity.Keys;
using CertGrid.Domain.Credentials.DataIntegrity.Rdf;
using NSec.Cryptography;

namespace CertGrid.Domain.Credentials.DataIntegrity;

/// <summary>
/// The <c>eddsa-rdfc-2022</c> cryptosuite (W3C VC Data Integrity EdDSA Cryptosuites v1.0 §3.3): the document and
/// the proof configuration are each canonicalised with RDFC-1.0 and hashed with SHA-256; Ed25519 signs
/// <c>SHA-256(proof configuration) ‖ SHA-256(document)</c>; the signature is the proof's multibase base58btc
/// <c>proofValue</c>. Each step is public so the specification's intermediate test vectors can be checked one by one.
/// </summary>
public sealed partial class EddsaRdfc2022(JsonLdProcessor jsonLd)
{
    public const string CryptosuiteName = "eddsa-rdfc-2022";
    public const string ProofType = "DataIntegrityProof";

    public static EddsaRdfc2022 Bundled { get; } = new(JsonLdProcessor.Bundled);

    /// <summary>§3.3.3 Transformation: the canonical N-Quads of the unsecured document.</summary>
    public string Transform(JsonObject unsecuredDocument, JsonObject options)
    {
        RequireSuite(options);
        return jsonLd.Canonicalize(unsecuredDocument);
    }

    /// <summary>§3.3.5 Proof Configuration: the options with the document's <c>@context</c>, canonicalised.</summary>
    public string ConfigureProof(JsonObject unsecuredDocument, JsonObject options, out JsonObject proofConfig)
    {
        RequireSuite(options);
        if (options["created"] is { } created && !(created is JsonValue v && v.TryGetValue<string>(out var text) && DateTimePattern().IsMatch(text)))
        {
            throw new DataIntegrityException("PROOF_GENERATION_ERROR", "The proof's 'created' is not an XML Schema dateTime.");
        }

        proofConfig = (JsonObject)options.DeepClone();
        proofConfig.Remove("@context");
        proofConfig["@context"] = unsecuredDocument["@context"]?.DeepClone();
        return jsonLd.Canonicalize(proofConfig);
    }

    /// <summary>§3.3.4 Hashing: SHA-256 of the canonical proof configuration, then of the canonical document.</summary>
    public static byte[] Hash(string transformedDocument, string canonicalProofConfig) =>
        [.. SHA256.HashData(Encoding.UTF8.GetBytes(canonicalProofConfig)), .. SHA256.HashData(Encoding.UTF8.GetBytes(transformedDocument))];

    /// <summary>§3.3.1 Create Proof: the proof object, <c>proofValue</c> included.</summary>
    public JsonObject CreateProof(JsonObject unsecuredDocument, JsonObject options, Key signingKey)
    {
        var canonicalProofConfig = ConfigureProof(unsecuredDocument, options, out _);
        var hashData = Hash(Transform(unsecuredDocument, options), canonicalProofConfig);
        var proof = (JsonObject)options.DeepClone();
        proof["proofValue"] = "z" + Base58Btc.Encode(SignatureAlgorithm.Ed25519.Sign(signingKey, hashData));
        return proof;
    }

    /// <summary>A copy of the document with an <c>eddsa-rdfc-2022</c> proof added.</summary>
    public JsonObject Sign(JsonObject unsecuredDocument, DataIntegrityProofOptions options, Key signingKey)
    {
        if (unsecuredDocument.ContainsKey("proof"))
        {
            throw new DataIntegrityException("PROOF_GENERATION_ERROR", "The document already carries a proof; CertGrid adds exactly one.");
        }

        var secured = (JsonObject)unsecuredDocument.DeepClone();
        secured["proof"] = CreateProof(unsecuredDocument, options.ToJson(), signingKey);
        return secured;
    }

    /// <summary>
    /// §3.3.2 Verify Proof. <paramref name="resolveKey"/> returns the Ed25519 public key of a verification method the
    /// caller trusts for the issuer, or null. Never throws for a bad document: the reason is in the result.
    /// </summary>
    public DataIntegrityCheck Verify(JsonObject securedDocument, Func<string, PublicKey?> resolveKey, string expectedPurpose = "assertionMethod")
    {
        if (securedDocument["proof"] is not JsonObject proof)
        {
            return DataIntegrityCheck.Failed("The document has no single Data Integrity proof object.");
        }

        var method = proof["verificationMethod"] is JsonValue m && m.TryGetValue<string>(out var vm) ? vm : null;
        try
        {
            if (proof["proofPurpose"]?.ToString() != expectedPurpose)
            {
                return DataIntegrityCheck.Failed($"The proof's purpose is not {expectedPurpose}.", method);
            }

            var proofValue = proof["proofValue"] is JsonValue pv && pv.TryGetValue<string>(out var value) && value.StartsWith('z') ? value
                : throw new DataIntegrityException("PROOF_VERIFICATION_ERROR", "The proofValue is not multibase base58btc.");
            var unsecured = (JsonObject)securedDocument.DeepClone();
            unsecured.Remove("proof");
            var options = (JsonObject)proof.DeepClone();
            options.Remove("proofValue");
            if (options["@context"] is { } proofContext)
            {
                if (!StartsWith(securedDocument["@context"], proofContext))
                {
                    return DataIntegrityCheck.Failed("The proof's @context does not match the start of the document's.", method);
                }

                unsecured["@context"] = proofContext.DeepClone();
            }

            var key = method is null ? null : resolveKey(method);
            if (key is null)
            {
                return DataIntegrityCheck.Failed($"The verification method '{method}' is not a known key of the issuer.", method);
            }

            var hashData = Hash(Transform(unsecured, options), ConfigureProof(unsecured, options, out _));
            return SignatureAlgorithm.Ed25519.Verify(key, hashData, Base58Btc.Decode(proofValue[1..]))
                ? new DataIntegrityCheck(true, "The eddsa-rdfc-2022 proof is valid.", method)
                : DataIntegrityCheck.Failed("The eddsa-rdfc-2022 signature does not match the document.", method);
        }
        catch (Exception e) when (e is DataIntegrityException or JsonLdException or RdfCanonicalizationException or FormatException)
        {
            return DataIntegrityCheck.Failed(e.Message, method);
        }
    }

    private static void RequireSuite(JsonObject options)
    {
        if (options["type"]?.ToString() != ProofType || options["cryptosuite"]?.ToString() != CryptosuiteName)
        {
            throw new DataIntegrityException("PROOF_TRANSFORMATION_ERROR", $"The proof is not a {ProofType} with cryptosuite {CryptosuiteName}.");
        }
    }

    private static bool StartsWith(JsonNode? documentContext, JsonNode proofContext)
    {
        var document = documentContext is JsonArray d ? d.ToList() : [documentContext];
        var proof = proofContext is JsonArray p ? p.ToList() : [proofContext];
        return proof.Count <= document.Count && proof.Select((c, i) => JsonNode.DeepEquals(c, document[i])).All(same => same);
    }

    [GeneratedRegex(@"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
