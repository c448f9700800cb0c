using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials.DataIntegrity;

/// <summary>
/// The options of a new <c>DataIntegrityProof</c> (VC Data Integrity §2.1): who signs (<see cref="VerificationMethod"/>,
/// a URL such as <c>did:web:…#key-ed25519</c>), when, and for what purpose.
/// </summary>
public sealed record DataIntegrityProofOptions(string VerificationMethod, DateTimeOffset Created, string ProofPurpose = "assertionMethod")
{
    public JsonObject ToJson() => new()
    {
        ["type"] = EddsaRdfc2022.ProofType,
        ["cryptosuite"] = EddsaRdfc2022.CryptosuiteName,
        ["created"] = OpenBadgeDocument.Timestamp(Created),
        ["verificationMethod"] = VerificationMethod,
        ["proofPurpose"] = ProofPurpose,
    };
}
